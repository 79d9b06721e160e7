// A bare domain is taken as a host when the catalogue knows it, or when its key names it as a
// host the program connects to (a mail relay, an endpoint): then it is a third party even if no
// entry knows it. Keys that name the project's own site, and an ingress's hosts, are not that.
import { describe, it, expect } from 'vitest';
import { servicesOf, unclassifiedOf } from '../helpers/extract.js';

describe('bare hosts named as hosts to connect to', () => {
  it.each([
    ['.env.example', 'MAIL_HOST=smtp.kasserver.com\nMAIL_PORT=465\n', ['smtp.kasserver.com']],
    ['src/main/resources/application.yml', 'spring:\n  mail:\n    host: smtp.kasserver.com\n    port: 465\n', ['smtp.kasserver.com']],
    ['config/mail.php', "<?php\nreturn ['smtp' => ['host' => 'mx.unknownmail.de', 'port' => 587]];\n", ['mx.unknownmail.de']],
    ['settings.py', "EMAIL_HOST = 'smtp.strato.de'\nEMAIL_PORT = 587\n", ['smtp.strato.de']],
    ['src/mailer.js', 'const t = nodemailer.createTransport({ host: "smtp.mailhost-unknown.io", port: 465 });\n', ['smtp.mailhost-unknown.io']],
    ['src/Mailer.java', 'props.put("mail.smtp.host", "smtp.strato.de");\n', ['smtp.strato.de']],
    ['appsettings.json', '{\n  "Email": {\n    "SmtpServer": "smtp.ionos.de"\n  }\n}\n', ['smtp.ionos.de']],
    ['docker-compose.yml', 'services:\n  app:\n    environment:\n      - S3_ENDPOINT=s3.eu-central-1.storage-unknown.io\n', ['s3.eu-central-1.storage-unknown.io']],
    // The project's own site, where it listens, and what an ingress serves: not a connection.
    ['.env', 'VIRTUAL_HOST=shop.acme-shop.de\nAPP_HOST=www.acme-shop.de\n', []],
    ['values.yaml', 'ingress:\n  hosts:\n    - host: shop.acme-shop.de\n      paths: [/]\n', []],
    ['settings.py', "ALLOWED_HOSTS = ['acme-shop.de']\n", []],
    // Not a host: no public suffix, a placeholder, or no host key.
    ['.env', 'DB_HOST=postgres.default.svc.cluster.local\nREDIS_HOST=redis\nMAIL_HOST=smtp.example.com\n', []],
    ['config.yml', 'name: smtp.kasserver.com\n', []],
  ])('%s', (path, text, expected) => {
    expect(unclassifiedOf(path, text)).toEqual(expected);
  });
});

describe('a mail provider named by its SMTP host', () => {
  it.each([
    ['src/mailer.js', 'const t = nodemailer.createTransport({ host: "smtp.zoho.eu", port: 465 });\n', 'zoho-mail'],
    ['settings.py', "EMAIL_HOST = 'smtppro.zoho.in'\n", 'zoho-mail'],
  ])('%s', (path, text, service) => {
    expect(servicesOf(path, text)).toEqual([service]);
  });
});
