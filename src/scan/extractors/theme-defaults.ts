// Site themes that load a third party's assets unless told not to: the setting that is missing
// is the evidence, on the line that picks the theme.
import type { ExtractContext } from '../context.js';

// Material for MkDocs loads its text and code fonts from Google Fonts unless `theme.font` is
// false or its privacy plugin downloads them for self-hosting
// (squidfunk.github.io/mkdocs-material/setup/changing-the-fonts).
// Each line under theme: matches one way only (`[ \t].*`, not `[ \t]+.*`): a block the name is
// not in is then given up in one pass, not in as many ways as its lines can be split.
const MATERIAL_THEME = /^theme:[ \t]*(?:['"]?material['"]?[ \t]*(?:#.*)?$|(?:#.*)?\r?\n(?:(?:[ \t].*)?\r?\n)*?[ \t]+name:[ \t]*['"]?material['"]?[ \t]*(?:#.*)?$)/m;
const FONTS_OFF = /^[ \t]+font:[ \t]*false\b/m;
const PRIVACY_PLUGIN = /^[ \t]*(?:-[ \t]*)?['"]?(?:material\/)?privacy['"]?[ \t]*(?::|$)/m;

/** mkdocs.yml: Material's default fonts, unless switched off or self-hosted. */
export function extractMkdocsTheme(ctx: ExtractContext): void {
  const theme = MATERIAL_THEME.exec(ctx.text);
  if (!theme || FONTS_OFF.test(ctx.text) || PRIVACY_PLUGIN.test(ctx.text)) return;
  const at = theme.index + theme[0].lastIndexOf('material');
  ctx.add('code-snippet', at, 'theme material: fonts from Google Fonts (no font: false, no privacy plugin)', 'medium', { serviceHint: 'google-fonts' });
}
