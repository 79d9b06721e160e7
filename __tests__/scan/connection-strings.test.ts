// Connection strings and mail transports in settings: the host after a user part and password,
// and Symfony Mailer's provider schemes, whose host is the provider's own ("@default").
import { describe, it, expect } from 'vitest';
import { evidenceOf, servicesOf, unclassifiedOf } from '../helpers/extract.js';

describe('connection strings', () => {
  it.each([
    ['.env', 'MAILER_DSN=smtp://apikey:SG.abc123@smtp.sendgrid.net:587\n', 'sendgrid'],
    ['.env', 'MONGO_URL=mongodb+srv://app:s3cret@cluster0.abcd.mongodb.net/db\n', 'mongodb-atlas'],
    ['.env', 'REDIS_URL=redis://:pw@redis-12345.c1.us-east-1-2.ec2.cloud.redislabs.com:12345\n', 'redis-cloud'],
    ['settings.py', 'DATABASES = {"default": dj_database_url.parse("postgres://u:p@db1.c9akciq32.eu-west-1.rds.amazonaws.com:5432/d")}\n', 'aws'],
  ])('%s: %s', (path, text, service) => {
    expect(servicesOf(path, text)).toContain(service);
  });

  it.each([
    ['MONGO_URL=mongodb+srv://app:s3cret@cluster0.abcd.mongodb.net/db', '//***@cluster0.abcd.mongodb.net/db', 's3cret'],
    ['MAILER_DSN=sendgrid+api://SG.abc.def@default', 'sendgrid+api://***@', 'SG.abc'],
    ['SLACK_DSN=slack://xoxb-123-456@default?channel=ops', 'slack://***@', 'xoxb'],
  ])('keeps credentials out of the report: %s', (line, match, secret) => {
    // (The variable's name may be evidence too: SLACK_DSN names Slack.)
    const matches = evidenceOf('.env', line + '\n').map((ev) => ev.match);
    expect(matches).toContain(match);
    expect(matches.filter((m) => m.includes(secret))).toEqual([]);
  });

  it("reads Oracle's EZConnect after the thin driver's '@'", () => {
    expect(unclassifiedOf('application.properties', 'spring.datasource.url=jdbc:oracle:thin:@//db.acme-oracle.com:1521/ORCL\n')).toEqual(['db.acme-oracle.com']);
  });

  it('a user part before a dotless host is no host', () => {
    expect(unclassifiedOf('.env', 'MAILER_DSN=smtp://user.name:pa.ss@localhost\nSENTRY=sendgrid+api://SG.key.part@default\n')).toEqual([]);
  });
});

describe("Symfony Mailer's and Notifier's provider schemes", () => {
  it.each([
    ['MAILER_DSN=sendgrid+api://KEY@default', 'sendgrid'],
    ['MAILER_DSN=sendgrid://KEY@default', 'sendgrid'],
    ['MAILER_DSN=mailgun+https://KEY:DOMAIN@default?region=eu', 'mailgun'],
    ['MAILER_DSN=ses+smtp://USERNAME:PASSWORD@default', 'amazon-ses'],
    ['MAILER_DSN=mandrill+api://KEY@default', 'mailchimp-transactional'],
    ['MAILER_DSN=mailjet+api://ACCESS_KEY:SECRET_KEY@default', 'mailjet'],
    ['MAILER_DSN=postmark+smtp://ID@default', 'postmark'],
    ['MAILER_DSN=sendinblue+api://KEY@default', 'brevo'],
    ['MAILER_DSN=brevo+smtp://USERNAME:PASSWORD@default', 'brevo'],
    ['MAILER_DSN=mailersend+api://KEY@default', 'mailersend'],
    ['MAILER_DSN=scaleway+api://PROJECT_ID:API_KEY@default', 'scaleway'],
    ['MAILER_DSN=gmail+smtp://USERNAME:PASSWORD@default', 'google-workspace'],
    // …and Symfony Notifier's.
    ['SLACK_DSN=slack://TOKEN@default?channel=CHANNEL', 'slack'],
    ['TWILIO_DSN=twilio://SID:TOKEN@default?from=FROM', 'twilio'],
    ['TELEGRAM_DSN=telegram://TOKEN@default?channel=CHAT_ID', 'telegram'],
    ['DISCORD_DSN=discord://TOKEN@default?webhook_id=ID', 'discord'],
    ['VONAGE_DSN=vonage://KEY:SECRET@default?from=FROM', 'vonage'],
    ['SNS_DSN=sns://ACCESS_KEY:SECRET_KEY@default?region=eu-west-1', 'aws'],
    ['EXPO_DSN=expo://TOKEN@default', 'expo'],
    ['ONESIGNAL_DSN=onesignal://APP_ID:API_KEY@default', 'onesignal'],
  ])('%s', (line, service) => {
    expect(servicesOf('.env', line + '\n')).toEqual([service]);
  });

  it('reads every transport of a failover', () => {
    expect(servicesOf('.env', 'MAILER_DSN="failover(postmark+api://ID@default sendgrid+smtp://KEY@default)"\n').sort()).toEqual(['postmark', 'sendgrid']);
  });

  it("an app's deep link is no transport", () => {
    expect(servicesOf('page.js', "location.href = 'slack://open?team=T123';\nconst d = 'discord://discord.com/channels/1';\n")).toEqual([]);
  });

  it('a commented-out transport is not one', () => {
    expect(servicesOf('.env', '# MAILER_DSN=mailgun+https://KEY:DOMAIN@default\nMAILER_DSN=smtp://localhost:1025\n')).toEqual([]);
  });
});

describe('object storage URIs', () => {
  it.each([
    ['etl.py', "df = pd.read_csv('s3://acme-exports/daily/users.csv')\n", ['aws']],
    ['etl.py', 'path = f"s3://{bucket}/{key}"\n', ['aws']],
    ['job.scala', 'spark.read.parquet("s3a://acme-lake/events/")\n', ['aws']],
    ['profiles.yml', 'external_root: s3://hydro-xpid/modelled\n', ['aws']],
    ['load.py', 'client.load_table_from_uri("gs://acme-exports/users.json", table_id)\n', ['google-cloud']],
    // Code that only knows the scheme handles such paths; it sends nothing anywhere.
    ['io.py', 'if path.startswith("s3://") or path.startswith("gs://"):\n    return remote(path)\n', []],
  ])('%s: %s', (path, text, services) => {
    expect(servicesOf(path, text)).toEqual(services);
  });
});

describe('servers named without a URL', () => {
  it.each([
    ['appsettings.json', '{ "ConnectionStrings": { "Default": "Server=tcp:acme-prod.database.windows.net,1433;Initial Catalog=app;User ID=app;Password=x;" } }\n', ['acme-prod.database.windows.net']],
    ['appsettings.json', '{ "Db": "Data Source=tcp:sql-saas-dev.database.windows.net;Initial Catalog=c;User Id=u;Password=p" }\n', ['sql-saas-dev.database.windows.net']],
    ['appsettings.json', '{ "Storage": "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=abc==;EndpointSuffix=core.windows.net" }\n', ['core.windows.net']],
    ['appsettings.json', '{ "Redis": "acme.redis.cache.windows.net:6380,password=xyz,ssl=True,abortConnect=False" }\n', ['acme.redis.cache.windows.net']],
    ['Startup.cs', 'var cs = "Host=db.acme-vendor.io;Port=5432;Database=app;Username=u;Password=p";\n', ['db.acme-vendor.io']],
    ['Repo.java', 'String cs = "data source=db.acme-vendor.io;initial catalog=app";\nString cs2 = "Address=db2.acme-vendor.io;Database=app";\n', ['db.acme-vendor.io', 'db2.acme-vendor.io']],
    // Keys in capitals, blanks around '=', and IoT Hub's HostName (each alone in its file).
    ['appsettings.json', '{ "IoT": "HostName=acme-hub.azure-devices.net;DeviceId=d1;SharedAccessKey=abc=" }\n', ['acme-hub.azure-devices.net']],
    ['Program.cs', 'var cs = "SERVER=db.acme-vendor.io;DATABASE=app;UID=u;PWD=p";\n', ['db.acme-vendor.io']],
    ['app.py', 'CS = "Server = db.acme-vendor.io; Database=app"\n', ['db.acme-vendor.io']],
    // Far into a long file: the pattern runs near each key, and not only at the file's start.
    ['app.py', 'x = 1\n'.repeat(2000) + 'CS = "Server=db.acme-vendor.io;Database=app"\n', ['db.acme-vendor.io']],
    ['app.py', 'host = 1\n'.repeat(2000) + 'CS = "Data Source=db.acme-vendor.io;Initial Catalog=app"\n', ['db.acme-vendor.io']],
    ['db.js', 'const pool = new sql.ConnectionPool("Server=acme-prod.database.windows.net;Database=app;User Id=u;Password=p;Encrypt=true");\nconst url = "https://api.acme-vendor.io/v1";\n', ['api.acme-vendor.io']], // JavaScript's clients take URLs: its files are not searched for connection strings
    ['.env', 'KAFKA_BROKERS=b-1.acme.kafka.us-east-1.amazonaws.com:9092,b-2.acme.kafka.us-east-1.amazonaws.com:9092\n', ['b-1.acme.kafka.us-east-1.amazonaws.com', 'b-2.acme.kafka.us-east-1.amazonaws.com']],
    // Any host, when the key says the list is of servers to connect to.
    ['client.properties', 'bootstrap.servers=pkc-4nym6.us-east-1.aws.confluent.cloud:9092,pkc-4nym7.us-east-1.aws.confluent.cloud:9092\n', ['pkc-4nym6.us-east-1.aws.confluent.cloud', 'pkc-4nym7.us-east-1.aws.confluent.cloud']],
  ])('%s: %s', (path, text, hosts) => {
    expect(evidenceOf(path, text).map((ev) => ev.host)).toEqual(hosts);
  });

  it.each([
    ['appsettings.json', '{ "Default": "Data Source=app.db;Cache=Shared" }\n'], // SQLite's file
    ['appsettings.json', '{ "Default": "Server=(localdb)\\\\mssqllocaldb;Database=x;Trusted_Connection=True;" }\n'],
    ['appsettings.json', '{ "Default": "Server=localhost;Database=x;User Id=sa;Password=p;" }\n'],
    ['appsettings.json', '{ "Default": "Data Source=SQL01.corp.local\\\\SQLEXPRESS;Initial Catalog=x;" }\n'],
    ['.env', 'IMPORTS=java.util.List,java.util.Map\n'], // dotted names that are no hosts the catalogue knows, under no key for servers
  ])('no server: %s %s', (path, text) => {
    expect(evidenceOf(path, text).filter((ev) => ev.host !== undefined)).toEqual([]);
  });

  it("keeps a connection string's keys out of the report", () => {
    const [ev] = evidenceOf('appsettings.json', '{ "Bus": "Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=abc123=" }\n');
    expect(ev!.match).toBe('//acme-bus.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=***');
  });
});

describe('a settings file that only lists servers', () => {
  it.each([
    ['config/kafka.json', '{ "bootstrap.servers": "kafka-1.acme-streams.io:9092,kafka-2.acme-streams.io:9092" }\n'],
    ['config/app.yml', 'kafka:\n  brokers: "kafka-1.acme-streams.io:9092,kafka-2.acme-streams.io:9092"\n'],
    ['config/app.yml', 'kafka:\n  brokers: kafka-1.acme-streams.io:9092,kafka-2.acme-streams.io:9092\n'],
  ])('is read: %s', (path, text) => {
    expect(unclassifiedOf(path, text)).toEqual(['kafka-1.acme-streams.io', 'kafka-2.acme-streams.io']);
  });

  it("names Confluent Cloud by its brokers' domain", () => {
    expect(servicesOf('client.properties', 'bootstrap.servers=pkc-4nym6.us-east-1.aws.confluent.cloud:9092,pkc-4nym7.us-east-1.aws.confluent.cloud:9092\n')).toEqual(['confluent-cloud']);
  });
});

describe('lists of hosts that are no servers', () => {
  it.each([
    ['.env', 'ALLOWED_HOSTS=acme.com:443,www.acme.com:443\n'], // the site's own, even with ports
    ['.env', 'TRACKER_DOMAINS=google-analytics.com,doubleclick.net\n'], // bare domains: a list of sites
    ['settings.json', '{ "blocked": "googletagmanager.com,facebook.net" }\n'],
  ])('%s: %s', (path, text) => {
    expect(evidenceOf(path, text).filter((ev) => ev.host !== undefined)).toEqual([]);
  });
});

describe("one broker under Kafka's keys", () => {
  it.each([
    ['client.properties', 'bootstrap.servers=kafka-1.acme-streams.io:9092\n'],
    ['.env', 'KAFKA_BROKER=kafka-1.acme-streams.io:9092\n'],
    ['.env', 'KAFKA_BOOTSTRAP_SERVERS=kafka-1.acme-streams.io:9092\n'],
  ])('%s: %s', (path, text) => {
    expect(unclassifiedOf(path, text)).toEqual(['kafka-1.acme-streams.io']);
  });
});
