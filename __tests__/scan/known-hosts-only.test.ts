// C, C++ and the long tail of languages (Perl, R, Lua, Haskell, Clojure, Erlang, Visual Basic,
// OCaml/F#, …) are read for URLs in strings whose host the catalogue knows, and for nothing else:
// their libraries' strings are full of XML namespaces and home pages (see extract.ts).
import { describe, it, expect } from 'vitest';
import { evidenceOf, servicesOf } from '../helpers/extract.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mayQuoteKnownHost } from '../../src/scan/extract.js';
import { scanFile } from '../../src/scan/file-scan.js';
import { defaultMatcher } from '../../src/catalogue/index.js';

describe('languages read for URLs of known hosts only', () => {
  it.each([
    ['src/telemetry.cpp', 'void send() {\n  curl_easy_setopt(c, CURLOPT_URL, "https://api.mixpanel.com/track");\n}\n', ['mixpanel']],
    ['src/crash.c', 'sentry_options_set_dsn(options, "https://abc@o123.ingest.sentry.io/456");\n', ['sentry']],
    ['include/config.h', '#define SEGMENT_ENDPOINT "https://api.segment.io/v1/track"\n', ['segment']],
    ['firmware/firmware.ino', 'http.begin("https://weather-station.firebaseio.com/readings.json");\n', ['firebase']],
    ['lib/Notify.pm', 'my $res = $ua->post("https://api.mailgun.net/v3/$domain/messages", $form);\n', ['mailgun']],
    ['gitweb/gitweb.perl', 'return "//www.gravatar.com/avatar/" . md5_hex($email) . "?s=$size";\n', ['gravatar']],
    ['cgi-bin/comment.cgi', 'my $r = $ua->post("https://api.mailgun.net/v3/$domain/messages", $form);\n', ['mailgun']],
    ['R/report.R', 'res <- httr::POST("https://api.hubapi.com/crm/v3/objects/contacts", body = b)\n', ['hubspot']],
    ['scripts/notify.ps1', 'Invoke-RestMethod -Uri "https://hooks.slack.com/services/T0/B0/X" -Method Post -Body $json\n', ['slack']],
    ['game/analytics.lua', 'local ok = http.request("https://api.segment.io/v1/track", body)\n', ['segment']],
    ['src/Track.hs', 'main = post "https://api.segment.io/v1/track" payload\n', ['segment']],
    ['src/track.clj', '(http/post "https://api.segment.io/v1/track" {:body b})\n', ['segment']],
    ['src/track.erl', 'URL = "https://api.segment.io/v1/track",\n', ['segment']],
    ['Module1.vb', 'Dim url = "https://api.segment.io/v1/track"\n', ['segment']],
    ['src/Track.fs', 'let url = "https://api.segment.io/v1/track"\n', ['segment']],
    // A host without a scheme: an Arduino sketch's connection, a Firebase host in a #define, a protocol-relative URL.
    ['sketch/sketch.ino', 'const char* host = "api.mixpanel.com";\nvoid loop() { client.connect(host, 443); }\n', ['mixpanel']],
    ['src/config.h', '#define FIREBASE_HOST "weather-station-22778.firebaseio.com"\n', ['firebase']],
    ['lib/analytics.lua', "local url = 'www.google-analytics.com/mp/collect'\n", ['google-analytics']],
    // MoonScript, Lapis's language, lexes as Lua does.
    ['helpers/email.moon', 'seeker.post "https://api.mailgun.net/v3/#{config.email.domain}/messages", params\n', ['mailgun']],
    ['views/Analytics.fs', "let script = \"(window,document,'script','//www.google-analytics.com/analytics.js','ga')\"\n", ['google-analytics']],
    ['ChatGPT.bas', 'client.Open "POST", "https://api.openai.com/v1/chat/completions"\n', ['openai']],
    // IoT clouds an ESP32 or Arduino sketch reports to.
    ['src/main.cpp', 'const char* server = "api.thingspeak.com";\nif (client.connect(server, 80)) { client.print(postStr); }\n', ['thingspeak']],
    ['weather/weather.ino', '#define AIO_SERVER "io.adafruit.com"\nAdafruit_MQTT_Client mqtt(&client, AIO_SERVER, 1883, AIO_USERNAME, AIO_KEY);\n', ['adafruit-io']],
    ['src/net.cpp', 'http.begin("https://api.openweathermap.org/data/2.5/weather?q=" + city + "&appid=" + key);\n', ['openweathermap']],
  ])('%s → %j', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });

  it.each([
    // A library's URLs that lead nowhere: XML namespaces, home pages, licence headers.
    ['include/exslt.h', '#define EXSLT_COMMON_NAMESPACE ((const xmlChar *) "http://exslt.org/common")\n'],
    ['include/pg_config.h', '/* Define to the home page for this package. */\n#define PACKAGE_URL "https://www.postgresql.org/"\n'],
    // An unknown API host is not reported in these languages (a JavaScript file would report it).
    ['src/client.cpp', 'auto r = get("https://api.unknown-vendor.io/v1/items");\n'],
    // Names that vendors' environment variables also use are C constants here.
    ['include/pkcs11t.h', '#define CKO_SECRET_KEY 0x00000004UL\n'],
    // Comments, in each language's own syntax.
    ['src/a.c', '// curl "https://api.mixpanel.com/track"\n/* "https://api.segment.io" */\nint x;\n'],
    ['a.lua', '-- "https://api.mixpanel.com"\n--[[\nlocal u = "https://api.segment.io"\n]]\n'],
    ['a.hs', '{- "https://api.mixpanel.com" {- nested -} "https://api.segment.io" -}\nmain = pure ()\n'],
    ['a.vb', "' \"https://api.mixpanel.com\"\nDim x = 1\n"],
    ['a.pl', '# "https://api.mixpanel.com"\nmy $x = 1;\n'],
  ])('%s: nothing', (path, text) => {
    expect(evidenceOf(path, text)).toEqual([]);
  });

  it('keeps the line and column of the URL', () => {
    const [ev] = evidenceOf('src/t.cpp', 'int main() {\n  post("https://api.mixpanel.com/track");\n}\n');
    expect([ev?.line, ev?.column, ev?.host]).toEqual([2, 9, 'api.mixpanel.com']);
  });
});

describe('mayQuoteKnownHost: the cheap test before a file of these languages is read', () => {
  const known = (host: string): boolean => host === 'api.mixpanel.com';
  it.each([
    ['x = "https://a.io"', true],
    ["x = 'https://a.io'", true],
    ['post(u, "GET " + base + "https://a.io")', true],
    ['src = "//cdn.a.io/x.js"', true],
    ['host = "api.mixpanel.com";', true],
    ["host = 'api.mixpanel.com:443'", true],
    ['host = "api.unknown.io";', false],
    [' * See https://www.gnu.org/licenses/ for details.', false],
    ['"a"\n * https://b.io', false],
    ['"a"\r * https://b.io', false],
    ['x = 1; // a comment with "quotes"', false],
    ['no scheme here "at all"', false],
    // Bytes of UTF-8 text: other characters around are no quotes, slashes or hosts.
    ['café = "https://a.io"', true],
    ['名前 = "api.mixpanel.com"', true],
    // Not a host: a label left empty, a last label of one letter or with digits, a leading dot.
    ['x = "api..mixpanel.com"', false],
    ['x = "mixpanel.c"', false],
    ['x = "v1.2"', false],
    ['x = ".api.mixpanel.com"', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(mayQuoteKnownHost(Buffer.from(text), known)).toBe(expected);
  });
});

describe('a scan rules such files out from their bytes', () => {
  it('reads a header with no URL or known host, decodes nothing of it, and still reports the one that has', () => {
    const root = mkdtempSync(join(tmpdir(), 'pl-known-hosts-'));
    writeFileSync(join(root, 'plain.h'), '// See https://www.gnu.org/licenses/\n#define CKO_SECRET_KEY 4\nconst char *name = "eth0";\n');
    writeFileSync(join(root, 'sketch.cpp'), '// ünïcode comment\nconst char* server = "api.thingspeak.com";\n');
    const reading = { root, maxFileBytes: 1 << 20 };
    const plain = scanFile({ path: 'plain.h' } as Parameters<typeof scanFile>[0], reading, defaultMatcher());
    const sketch = scanFile({ path: 'sketch.cpp' } as Parameters<typeof scanFile>[0], reading, defaultMatcher());
    expect([plain.read, plain.bytes > 0, plain.evidence]).toEqual([true, true, []]);
    expect(sketch.evidence.map((e) => [e.host, e.line])).toEqual([['api.thingspeak.com', 2]]);
  });
});

describe('C and C++ sources name the SDK they build against by its headers', () => {
  it.each([
    ['src/crash.c', '#include <stdio.h>\n#include <sentry.h>\n\nint main(void) { return 0; }\n', ['sentry']],
    ['src/storage.cpp', '#include "aws/core/Aws.h"\n#include "aws/s3/S3Client.h"\n', ['aws']],
    ['src/app.cc', '#include <string>\n#include "firebase/app.h"\n#include "firebase/analytics.h"\n', ['firebase']],
    ['src/blob.cpp', '#include <azure/storage/blobs.hpp>\n', ['microsoft-azure']],
    ['src/gcs.cpp', '#include "google/cloud/storage/client.h"\n', ['google-cloud']],
    // Blanks after the #, an Arduino sketch's libraries.
    ['firmware/firmware.ino', '#  include <WiFi.h>\n#include <FirebaseESP32.h>\n#include <ThingSpeak.h>\n', ['firebase', 'thingspeak']],
    // A header of another library under a known first segment, a comment, a disabled line.
    ['src/proto.cpp', '#include <google/protobuf/message.h>\n#include <aws_config_local.h>\n', []],
    ['src/crash.c', '// #include <sentry.h>\n/* #include "firebase/app.h" */\nint x;\n', []],
    // Headers declare; a program calls the SDK from its sources (and a header tree names thousands of headers).
    ['include/crash_reporter.h', '#pragma once\n#include <sentry.h>\n', []],
  ])('%s %#', (path, text, expected) => {
    expect(servicesOf(path, text).sort()).toEqual(expected);
  });

  it('reports the include line with its header as an import', () => {
    expect(evidenceOf('src/crash.c', '#include <stdio.h>\n#include <sentry.h>\n').map((e) => [e.kind, e.line, e.package])).toEqual([['import', 2, 'sentry.h']]);
  });

  it('is found from the bytes before the file is decoded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-include-'));
    writeFileSync(join(dir, 'main.cpp'), '#include <iostream>\n#include "sentry.h"\nint main() {}\n');
    writeFileSync(join(dir, 'util.cpp'), '#include <iostream>\n#include "util.h"\nint f() { return 1; }\n');
    const matcher = defaultMatcher();
    const reading = { root: dir, maxFileBytes: 1 << 20 };
    expect(scanFile({ path: 'main.cpp' } as Parameters<typeof scanFile>[0], reading, matcher).evidence.map((e) => e.package)).toEqual(['sentry.h']);
    expect(scanFile({ path: 'util.cpp' } as Parameters<typeof scanFile>[0], reading, matcher).evidence).toEqual([]);
  });
});
