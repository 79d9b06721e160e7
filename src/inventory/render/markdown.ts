// Blocks → GitHub-flavoured Markdown. Text is plain text: line breaks fold, and Markdown and
// HTML punctuation is escaped, so "_dc_gtm_<property-id>" shows as written and a vendor's
// wording can never break a row or inject markup.
import type { Block, Cell } from './blocks.js';

function inline(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\`*_<>[\]|]/g, '\\$&');
}

function code(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function cell(c: Cell): string {
  if (typeof c === 'string') return inline(c);
  // A code span needs a fence longer than any backtick run inside it.
  const run = Math.max(0, ...[...c.code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(run + 1);
  const pad = c.code.startsWith('`') || c.code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code(c.code)}${pad}${fence}`;
}

export function renderMarkdown(blocks: Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        parts.push(`${'#'.repeat(b.level)} ${inline(b.text)}`);
        break;
      case 'paragraph':
        parts.push(inline(b.text));
        break;
      case 'comment':
        parts.push(`<!-- ${b.text.replace(/--/g, '- -')} -->`);
        break;
      case 'table':
        parts.push([`| ${b.columns.map(inline).join(' | ')} |`, `| ${b.columns.map(() => '---').join(' | ')} |`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n'));
        break;
    }
  }
  return parts.join('\n\n') + '\n';
}
