import { describe, it, expect } from 'vitest';
import { logUntrusted } from '../../src/action/log.js';

describe('logUntrusted', () => {
  it('wraps repository text in ::stop-commands:: with a random end token the text cannot guess', () => {
    const text = 'index.html:1:1  x\n::set-output name=conclusion::success\n::stop-commands::mine\n::mine::\n::error::injected';
    const chunks: string[] = [];
    logUntrusted(text, (s) => chunks.push(s));
    const lines = chunks.join('').split('\n');
    const token = /^::stop-commands::(privacy-lint-[0-9a-f-]{36})$/.exec(lines[0]!)![1]!;
    expect(lines.slice(1, -2)).toEqual(text.split('\n'));
    expect(lines.at(-2)).toBe(`::${token}::`);
    expect(lines.at(-1)).toBe('');
    const again: string[] = [];
    logUntrusted(text, (s) => again.push(s));
    expect(again[0]).not.toBe(chunks[0]);
  });
});
