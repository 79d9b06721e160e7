// Services that a consent tool loads by name once the visitor agrees: tarteaucitron's job queue
// names a service key, and the script it loads is in tarteaucitron's own services file, not in
// the site's code. Also Google Analytics set up by the commands and settings that only it reads.
import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

describe("tarteaucitron's job queue names the services it loads after consent", () => {
  it.each([
    ['public/js/cookies.js', "tarteaucitron.init({ privacyUrl: '/privacy' });\ntarteaucitron.user.gtagUa = 'G-QVSWEV0X5D';\n(tarteaucitron.job = tarteaucitron.job || []).push('gtag');\n", ['google-analytics']],
    ['public/js/cookies.js', "tarteaucitron.user.googletagmanagerId = gtmId;\n(tarteaucitron.job = tarteaucitron.job || []).push(\"googletagmanager\");\n", ['google-tag-manager']],
    ['assets/consent.js', "window.tarteaucitron.job = window.tarteaucitron.job || [];\nwindow.tarteaucitron.job.push('facebookpixel');\ntarteaucitron.job.push('hotjar');\n", ['hotjar', 'meta-pixel']],
    ['templates/base.html.twig', "<script>\n  (tarteaucitron.job = tarteaucitron.job || []).push('youtube');\n  (tarteaucitron.job = tarteaucitron.job || []).push('recaptcha');\n  (tarteaucitron.job = tarteaucitron.job || []).push('clarity');\n</script>\n", ['microsoft-clarity', 'recaptcha', 'youtube']],
    // Switched off in a comment: nothing is loaded.
    ['public/js/cookies.js', "// tarteaucitron.user.gtagUa = 'UA-117118653-1';\n// (tarteaucitron.job = tarteaucitron.job || []).push('gtag');\n(tarteaucitron.job = tarteaucitron.job || []).push('crazyegg');\n", ['crazy-egg']],
    // A key tarteaucitron does not know is no service, and neither is another queue's push.
    ['public/js/cookies.js', "(tarteaucitron.job = tarteaucitron.job || []).push('mycustomservice');\njobs.push('gtag');\n", []],
  ])('%s %#', (path, text, expected) => {
    expect(servicesOf(path, text).sort()).toEqual(expected);
  });
});

describe('Google Analytics by the commands and settings only it reads', () => {
  it.each([
    ['src/signup.js', "form.on('success', function () { ga('send', 'event', 'Sign Up', 'Join List', listId); });\n", ['google-analytics']],
    ['gatsby-meta-config.js', "module.exports = {\n  title: 'Blog',\n  ga: 'UA-165390603-1',\n};\n", ['google-analytics']],
    ['_config.yml', 'title: Blog\ngaId: G-ABCDEF1234\n', ['google-analytics']],
    // An empty setting, or a name that only starts with ga, is not Google Analytics.
    ['gatsby-meta-config.js', "module.exports = { ga: '', gallery: 'UA-ish' };\n", []],
    ['src/queue.js', "queue.send('event');\nsaga('send', payload);\n", []],
  ])('%s %#', (path, text, expected) => {
    expect(servicesOf(path, text).sort()).toEqual(expected);
  });
});
