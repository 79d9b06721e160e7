// Markup a template language comments out never reaches the page: it loads nothing.
import { describe, it, expect } from 'vitest';
import { evidenceOf, servicesOf } from '../helpers/extract.js';
import { blankTemplateComments } from '../../src/scan/template-comments.js';

const TAG = '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>';

describe('template comments', () => {
  it.each([
    ['templates/base.html', `{# ${TAG} #}`],
    ['views/layout.twig', `{#\n${TAG}\n#}`],
    ['_layouts/default.html', `{% comment %}\n${TAG}\n{% endcomment %}`],
    ['layout/theme.liquid', `{%- comment -%}${TAG}{%- endcomment -%}`],
    ['_posts/2020-01-01-hello.md', `---\nlayout: post\n---\n{% comment %}\n${TAG}\n{% endcomment %}\n`],
    ['app/templates/application.hbs', `{{!-- ${TAG} --}}`],
    ['templates/page.mustache', `{{! ${TAG} }}`],
    ['layouts/partials/head.html', `{{/* ${TAG} */}}`],
    ['layouts/partials/head.html', `{{- /* ${TAG} */ -}}`],
    ['WEB-INF/views/layout.jsp', `<%-- ${TAG} --%>`],
    ['Site.Master', `<%-- ${TAG} --%>`],
    ['app/views/layouts/application.html.erb', `<%# ${TAG} %>`],
    ['views/index.ejs', `<%# ${TAG} %>`],
    ['lib/app_web/components/layouts/root.html.heex', `<%!-- ${TAG} --%>`],
    ['Views/Shared/_Layout.cshtml', `@* ${TAG} *@`],
    ['templates/analytics.ftl', `<#-- ${TAG} -->`],
    ['resources/views/layouts/app.blade.php', `{{-- ${TAG} --}}`],
    ['templates/header.tpl', `{* ${TAG} *}`],
    ['templates/page.vm', `#* ${TAG} *#`],
  ])('%s: a commented-out tag loads nothing', (path, text) => {
    expect(servicesOf(path, text)).toEqual([]);
    // The same tag outside the comment is read, on its own line.
    const after = `${text}\n${TAG}\n`;
    expect(servicesOf(path, after)).toEqual(['google-analytics']);
    expect(evidenceOf(path, after).map((e) => e.line)).toEqual([text.split('\n').length + 1]);
  });

  it.each([
    // A comment left open is no comment: the engine would reject the template.
    ['templates/base.html', `{# ${TAG}`],
    // Svelte's blocks start with {# and are markup; Web Forms' <%# %> is a data binding.
    ['src/routes/+layout.svelte', `{#if consent}\n${TAG}\n{/if} <a href="#">#}</a>`],
    ['Default.aspx', `<%# Eval("x") %>\n${TAG}`],
    // Another language's syntax: `{*` opens an old CSS hack in a plain page.
    ['index.html', `<style>a{*zoom:1}</style>\n${TAG}\n<p>*}</p>`],
  ])('%s: not a comment, the tag is read', (path, text) => {
    expect(servicesOf(path, text)).toEqual(['google-analytics']);
  });

  it('keeps every offset and line break', () => {
    const text = 'a {# b\nc #} d\n{% comment %}x\ny{% endcomment %}e';
    const out = blankTemplateComments(text, 'html');
    expect(out).toHaveLength(text.length);
    expect(out).toBe('a' + ' '.repeat(5) + '\n' + ' '.repeat(5) + 'd\n' + ' '.repeat(14) + '\n' + ' '.repeat(17) + 'e');
  });
});
