// A framework's skeleton names every service it can drive; only what a project adds or installs
// says which ones it uses. Laravel's stock config files read each driver's variables with env().
import { describe, it, expect } from 'vitest';
import { servicesOf, evidenceOf } from '../../helpers/extract.js';

const STOCK_SERVICES = `<?php

return [
    'postmark' => [
        'token' => env('POSTMARK_TOKEN'),
    ],
    'ses' => [
        'key' => env('AWS_ACCESS_KEY_ID'),
        'secret' => env('AWS_SECRET_ACCESS_KEY'),
        'region' => env('AWS_DEFAULT_REGION', 'us-east-1'),
    ],
    'resend' => [
        'key' => env('RESEND_KEY'),
    ],
    'slack' => [
        'notifications' => [
            'bot_user_oauth_token' => env('SLACK_BOT_USER_OAUTH_TOKEN'),
        ],
    ],
];
`;

describe("Laravel's skeleton", () => {
  it.each([
    ['config/services.php', STOCK_SERVICES],
    ['config/logging.php', "<?php\nreturn ['channels' => ['papertrail' => ['handler_with' => ['host' => env('PAPERTRAIL_URL'), 'port' => env('PAPERTRAIL_PORT')]]]];\n"],
    ['config/queue.php', "<?php\nreturn ['connections' => ['sqs' => ['key' => env('AWS_ACCESS_KEY_ID'), 'prefix' => env('SQS_PREFIX', 'https://sqs.us-east-1.amazonaws.com/your-account-id')]]];\n"],
    ['config/broadcasting.php', "<?php\nreturn ['connections' => ['pusher' => ['key' => env('PUSHER_APP_KEY'), 'app_id' => env('PUSHER_APP_ID')], 'ably' => ['key' => env('ABLY_KEY')]]];\n"],
    ['config/broadcasting.php', "<?php\nreturn ['default' => env('BROADCAST_DRIVER', 'null'), 'connections' => ['pusher' => ['options' => [\n    'host' => env('PUSHER_HOST') ?: 'api-'.env('PUSHER_APP_CLUSTER', 'mt1').'.pusher.com',\n]]]];\n"],
    // Laravel 5 to 10: the SMTP host falls back to Mailgun's, and the default mailer is smtp.
    ['config/mail.php', "<?php\nreturn [\n    'driver' => env('MAIL_DRIVER', 'smtp'),\n    'host' => env('MAIL_HOST', 'smtp.mailgun.org'),\n    'port' => env('MAIL_PORT', 587),\n];\n"],
  ])('%s names no service', (path, text) => {
    expect(servicesOf(path, text)).toEqual([]);
  });

  const ENV_EXAMPLE = 'APP_NAME=Laravel\nAPP_ENV=local\nAPP_KEY=\nLOG_CHANNEL=stack\nAWS_ACCESS_KEY_ID=\nAWS_SECRET_ACCESS_KEY=\nAWS_DEFAULT_REGION=us-east-1\nAWS_BUCKET=\nAWS_USE_PATH_STYLE_ENDPOINT=false\nPUSHER_APP_CLUSTER=mt1\nVITE_PUSHER_APP_KEY="${PUSHER_APP_KEY}"\n';

  it('its stock .env.example names no service', () => {
    expect(servicesOf('.env.example', ENV_EXAMPLE)).toEqual([]);
  });

  it('a value the project filled in, or a vendor it added, counts', () => {
    expect(servicesOf('.env.example', ENV_EXAMPLE.replace('AWS_DEFAULT_REGION=us-east-1', 'AWS_DEFAULT_REGION=eu-central-1'))).toEqual(['aws']);
    expect(servicesOf('.env.example', ENV_EXAMPLE + 'STRIPE_SECRET_KEY=\n')).toEqual(['stripe']);
    expect(servicesOf('.env.example', 'AWS_ACCESS_KEY_ID=\nAWS_DEFAULT_REGION=us-east-1\n')).toEqual(['aws']);
  });

  it('a vendor the project adds to config/services.php counts', () => {
    const text = STOCK_SERVICES.replace("'resend' =>", "'openai' => ['key' => env('OPENAI_API_KEY')],\n    'resend' =>");
    expect(servicesOf('config/services.php', text)).toEqual(['openai']);
  });

  it.each([
    // The mailer, broadcaster or search driver the project picks.
    ['config/mail.php', "<?php\nreturn [\n    'driver' => env('MAIL_DRIVER', 'mailgun'),\n    'host' => env('MAIL_HOST', 'smtp.mailgun.org'),\n];\n", ['mailgun']],
    ['.env.example', ENV_EXAMPLE + 'MAIL_MAILER=postmark\nBROADCAST_DRIVER=pusher\nSCOUT_DRIVER=algolia\n', ['algolia', 'postmark', 'pusher']],
    ['.env.example', ENV_EXAMPLE + 'MAIL_MAILER=ses\n', ['amazon-ses']],
    ['config/broadcasting.php', "<?php\nreturn ['default' => env('BROADCAST_DRIVER', 'pusher'), 'connections' => ['pusher' => ['options' => [\n    'host' => env('PUSHER_HOST') ?: 'api-'.env('PUSHER_APP_CLUSTER', 'mt1').'.pusher.com',\n]]]];\n", ['pusher']],
    // The skeleton's own choices name nothing; another host of the project's is still read.
    ['.env.example', ENV_EXAMPLE + 'MAIL_MAILER=smtp\nBROADCAST_DRIVER=log\nSCOUT_DRIVER=null\n', []],
    // Laravel 5 to 7's .env.example sends mail to Mailtrap's sandbox; another app's .env that does is read.
    ['.env.example', ENV_EXAMPLE + 'MAIL_DRIVER=smtp\nMAIL_HOST=smtp.mailtrap.io\nMAIL_PORT=2525\n', []],
    ['.env.example', 'MAIL_HOST=smtp.mailtrap.io\nMAIL_PORT=2525\n', ['mailtrap']],
    ['config/mail.php', "<?php\nreturn ['host' => env('MAIL_HOST', 'smtp.sendgrid.net')];\n", ['sendgrid']],
  ])('%s: the choice of driver counts', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });

  it('the stock variables count anywhere else', () => {
    expect(evidenceOf('app/Mail/Sender.php', "<?php\n$token = env('POSTMARK_TOKEN');\n").map((e) => e.serviceHint)).toEqual(['postmark']);
    expect(servicesOf('app/Services/Queue.php', "<?php\n$q = 'https://sqs.eu-west-1.amazonaws.com/123456789012/jobs';\n")).toEqual(['aws']);
  });
});
