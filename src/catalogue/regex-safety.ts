// Catalogue and policy regexes run over attacker-controlled files. JavaScript's
// backtracking engine can take exponential time on nested or overlapping
// quantifiers, so patterns that could backtrack badly are refused at build time.

const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,\d*\})/;
const ADJACENT_UNBOUNDED = /(?:\.\*|\.\+|\\s\*|\\s\+|\\S\*|\\S\+|\\w\*|\\w\+)\s*(?:\.\*|\.\+|\\s\*|\\s\+|\\S\*|\\S\+|\\w\*|\\w\+)/;

/** Returns why a pattern is refused, or null when it is acceptable. */
export function unsafeRegexReason(source: string): string | null {
  try {
    new RegExp(source);
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message}`;
  }
  if (source.length > 200) return 'pattern longer than 200 characters';
  if (NESTED_QUANTIFIER.test(source)) return 'nested quantifier (e.g. (a+)+) can backtrack exponentially';
  if (ADJACENT_UNBOUNDED.test(source)) return 'two adjacent unbounded quantifiers can backtrack polynomially';
  if (/\\[1-9]/.test(source)) return 'back-references are not allowed';
  if (/\(\?<?[=!]/.test(source)) return 'lookaround is not allowed';
  return null;
}
