// Reading JSON that may be broken or hostile: where it nests too deep for a recursive parser,
// and a parser's error code in words. Manifests and notebooks both read JSON this way.

/** jsonc-parser's error codes as words: PropertyNameExpected → property name expected. */
export const errorWords = (code: string): string => code.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();

/** The offset of the bracket that opens level `limit + 1` of a JSON text (strings skipped), or -1. */
export function offsetBeyondDepth(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: to its closing quote, over escapes.
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}
