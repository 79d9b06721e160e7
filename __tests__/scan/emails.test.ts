// Email: what the recipient's mail client loads from a template (fonts, images, icons), and the
// service a mailer's settings send through.
import { describe, it, expect } from 'vitest';
import { evidenceOf, servicesOf } from '../helpers/extract.js';

const loads = (path: string, text: string): string[] => evidenceOf(path, text).filter((e) => e.host).map((e) => `${e.kind} ${e.host} ${e.line}`);

describe('email templates', () => {
  it.each([
    [
      'emails/welcome.mjml',
      '<mjml>\n  <mj-head>\n    <mj-font name="Roboto" href="https://fonts.googleapis.com/css?family=Roboto" />\n  </mj-head>\n  <mj-body>\n    <mj-section background-url="https://cdn.vendor-unknown.io/bg.png">\n      <mj-column>\n        <mj-image src="https://img.vendor-unknown.io/logo.png" href="https://shop.vendor-unknown.io" />\n        <mj-social><mj-social-element name="facebook" href="https://www.facebook.com/acme" src="https://icons.vendor-unknown.io/fb.png" /></mj-social>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n',
      ['link fonts.googleapis.com 3', 'img cdn.vendor-unknown.io 6', 'img img.vendor-unknown.io 8', 'img icons.vendor-unknown.io 9'],
    ],
    // React Email's <Img> is an image the mail client loads; its <Link> is one the reader clicks.
    ['emails/Receipt.tsx', 'export default () => (<Html><Img src="https://img.vendor-unknown.io/logo.png" width="40" /><Link href="https://help.vendor-unknown.io/x">Help</Link></Html>);', ['img img.vendor-unknown.io 1']],
  ])('%s', (path, text, expected) => {
    expect(loads(path, text)).toEqual(expected);
  });
});

describe("a mailer's well-known service", () => {
  it.each([
    ['config/mail.js', "const t = nodemailer.createTransport({ service: 'gmail', auth: { user, pass } });", ['google-workspace']],
    ['mailer.ts', 'createTransport({\n  service: "SendGrid",\n  auth: { user: "apikey", pass: process.env.KEY },\n});', ['sendgrid']],
    ['mailer.js', "createTransport({ service: 'Mailgun', auth })", ['mailgun']],
    // A service that is no mail provider's.
    ['compose.js', "const svc = { service: 'web', image: 'nginx' };", []],
  ])('%s', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});
