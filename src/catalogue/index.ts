// The catalogue as the scanner sees it: compiled at build time, indexed once per process.
import { CATALOGUE } from './catalogue.generated.js';
import { Matcher } from './matcher.js';

let matcher: Matcher | null = null;

export function defaultMatcher(): Matcher {
  return (matcher ??= new Matcher(CATALOGUE));
}
