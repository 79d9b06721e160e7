// Logging text that comes from the scanned repository. The runner treats any log line that
// starts with "::" as a workflow command, and a file name can contain a newline: such text is
// printed between ::stop-commands:: and its unguessable end token, so it stays text.
import { randomUUID } from 'node:crypto';

export function logUntrusted(text: string, write: (s: string) => void): void {
  const token = `privacy-lint-${randomUUID()}`;
  // The token never occurs in the text: it is random, and checked anyway.
  if (text.includes(token)) return logUntrusted(text, write);
  write(`::stop-commands::${token}\n`);
  write(text.endsWith('\n') ? text : `${text}\n`);
  write(`::${token}::\n`);
}
