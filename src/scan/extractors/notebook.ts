// Jupyter notebooks: the code cells are the program, the markdown cells are prose for people
// and the outputs are what one run printed. The code is read where it stands in the JSON: each
// source line is written over its own string (a string holds one line in every notebook Jupyter
// writes, and decoding never lengthens it), everything else is blanked with its line breaks
// kept, so evidence lands on the notebook's own line. `!pip install …` lines install packages.
import { visit, printParseErrorCode } from 'jsonc-parser';
import type { ExtractContext } from '../context.js';
import { extractGated, type GatedLanguage } from './code.js';
import { extractInstallCommands } from './install-commands.js';
import { offsetBeyondDepth, errorWords } from '../json-text.js';
import { blank } from '../source-file.js';

/** No notebook nests deeper; the parser recurses, so a hostile one is refused before it. */
const MAX_NOTEBOOK_DEPTH = 64;

interface Cell {
  type?: string;
  /** Each source string: offset and length of the JSON token, decoded text. */
  lines: [number, number, string][];
}

/** The kernel's language as the lexers know it: JavaScript and TypeScript kernels, else Python. */
const kernelLanguage = (name: string): GatedLanguage => (/^(?:javascript|typescript|js|ts)$/i.test(name) ? 'js' : 'python');

export function extractNotebook(ctx: ExtractContext): void {
  const text = ctx.text;
  const tooDeep = offsetBeyondDepth(text, MAX_NOTEBOOK_DEPTH);
  if (tooDeep >= 0) {
    ctx.error(`invalid notebook: nested more than ${MAX_NOTEBOOK_DEPTH} levels deep`, tooDeep);
    return;
  }
  const cells = new Map<number, Cell>();
  let language: GatedLanguage = 'python';
  let reported = false;
  visit(
    text,
    {
      onLiteralValue(value: unknown, offset, length, _line, _column, pathOf) {
        if (typeof value !== 'string') return;
        const path = pathOf();
        if (path[0] === 'cells' && typeof path[1] === 'number') {
          let cell = cells.get(path[1]);
          if (!cell) cells.set(path[1], (cell = { lines: [] }));
          if (path[2] === 'cell_type' && path.length === 3) cell.type = value;
          else if (path[2] === 'source' && path.length <= 4) cell.lines.push([offset, length, value]);
        } else if (path[0] === 'metadata' && path.length === 3 && ((path[1] === 'language_info' && path[2] === 'name') || (path[1] === 'kernelspec' && path[2] === 'language'))) {
          language = kernelLanguage(value);
        }
      },
      onError(error, offset) {
        if (reported) return;
        reported = true;
        ctx.error(`invalid notebook JSON: ${errorWords(printParseErrorCode(error))}`, offset);
      },
    },
    { disallowComments: true },
  );
  const code = projectedCode(text, [...cells.values()].filter((c) => c.type === 'code'));
  if (code === null) return;
  extractGated(ctx, language, code);
  extractInstallCommands(ctx, code);
}

/**
 * The code cells' lines, each over its own JSON string, in a text as long as the notebook with
 * its line breaks where they were; null when no code cell has a line. A string that holds more
 * than one line (a hand-written notebook) keeps them on one, joined by spaces.
 */
function projectedCode(text: string, cells: Cell[]): string | null {
  const lines = cells.flatMap((c) => c.lines).sort((a, b) => a[0] - b[0]);
  if (lines.length === 0) return null;
  const blankOf = (from: number, to: number): string => blank(text.slice(from, to));
  const pieces: string[] = [];
  let at = 0;
  for (const [offset, length, value] of lines) {
    if (offset < at) continue;
    const line = value.replace(/\r?\n$/, '').replace(/[\r\n]/g, ' ');
    pieces.push(blankOf(at, offset), ' ', line.slice(0, length - 1).padEnd(length - 1, ' '));
    at = offset + length;
  }
  pieces.push(blankOf(at, text.length));
  return pieces.join('');
}
