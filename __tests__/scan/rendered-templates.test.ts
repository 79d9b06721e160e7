// A template or sample of a config file (Helm, Ansible, ERB, .dist) is read as the config file
// it renders to; a page template stays markup.
import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

describe('templates and samples of config files', () => {
  it.each([
    ['k8s/otel-config.yaml.tpl', 'exporters:\n  otlp:\n    endpoint: "https://otlp.nr-data.net:4317"\n', ['new-relic']],
    ['roles/logs/templates/td-agent.conf.j2', '<match **>\n  @type logzio_buffered\n  endpoint_url https://listener.logz.io:8071?token={{ logzio_token }}\n</match>\n', ['logz-io']],
    ['config/sentry.yml.erb', 'production:\n  dsn: https://abc@o1.ingest.sentry.io/1\n', ['sentry']],
    ['app/config/parameters.yml.dist', 'parameters:\n  mailer_host: smtp.sendgrid.net\n', ['sendgrid']],
    ['deploy/settings.py.example', 'EMAIL_HOST = "smtp.mailgun.org"\n', ['mailgun']],
    // Markup templates keep reading as markup: a URL in a paragraph is a link.
    ['templates/index.html.tpl', '<p>Payments go through https://api.stripe.com</p>\n', []],
  ])('%s', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});
