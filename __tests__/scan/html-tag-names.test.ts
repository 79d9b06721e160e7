// Tag names are looked up in a table: a tag named like a member of every JavaScript object
// once made the whole page unreadable ("is not iterable").
import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

describe('tags named like Object.prototype members', () => {
  // Tag names arrive lower-cased, so these are the members a page can name.
  it.each(['constructor', '__proto__'])('<%s> does not stop the page being read', (tag) => {
    const page = `<${tag} x="1"></${tag}>\n<script src="https://static.hotjar.com/c/hotjar-1.js"></script>\n`;
    expect(servicesOf('page.html', page)).toEqual(['hotjar']);
  });
});
