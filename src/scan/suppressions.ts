// Inline suppressions, in any comment syntax:
//   privacy-lint-disable-next-line consent-required -- loaded only on the staff-only admin page
// The reason is required: a suppression without one is reported as an error and ignored.

export interface Suppression {
  /** The line the suppression applies to. */
  line: number;
  rules: string[];
  reason: string;
}

export interface SuppressionProblem {
  line: number;
  message: string;
}

const DIRECTIVE = /privacy-lint-disable-(next-line|line)\b([^\n\r]*)/g;

export function parseSuppressions(text: string): { suppressions: Suppression[]; problems: SuppressionProblem[] } {
  const suppressions: Suppression[] = [];
  const problems: SuppressionProblem[] = [];
  if (!text.includes('privacy-lint-disable')) return { suppressions, problems };
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((lineText, i) => {
    DIRECTIVE.lastIndex = 0;
    const m = DIRECTIVE.exec(lineText);
    if (!m) return;
    const rest = m[2]!.replace(/\s*(-->|\*\/|#\}|%>|\}\})\s*$/, '');
    const [rulePart, ...reasonParts] = rest.split(/\s--\s/);
    const reason = reasonParts.join(' -- ').trim();
    const rules = (rulePart ?? '').split(/[\s,]+/).filter(Boolean);
    if (!reason) {
      problems.push({ line: i + 1, message: 'suppression without a reason: write "privacy-lint-disable-next-line <rule> -- <why>"' });
      return;
    }
    suppressions.push({ line: m[1] === 'next-line' ? i + 2 : i + 1, rules: rules.length ? rules : ['*'], reason });
  });
  return { suppressions, problems };
}
