// Blocks → an HTML fragment to paste into a legal page or include from a template: no
// <html>/<head>, no styles, one class on the wrapper to style it by.
import type { Block, Cell } from './blocks.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cell(c: Cell): string {
  return typeof c === 'string' ? escapeHtml(c) : `<code>${escapeHtml(c.code)}</code>`;
}

export function renderHtml(blocks: Block[], className: string): string {
  const out: string[] = [`<section class="${escapeHtml(className)}">`];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`);
        break;
      case 'paragraph':
        out.push(`<p>${escapeHtml(b.text)}</p>`);
        break;
      case 'comment':
        out.push(`<!-- ${b.text.replace(/--/g, '- -')} -->`);
        break;
      case 'table':
        out.push('<table>');
        out.push(`<thead><tr>${b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`);
        out.push('<tbody>');
        for (const r of b.rows) out.push(`<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`);
        out.push('</tbody>');
        out.push('</table>');
        break;
    }
  }
  out.push('</section>');
  return out.join('\n') + '\n';
}
