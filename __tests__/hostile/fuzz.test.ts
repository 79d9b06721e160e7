import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { extractFile } from '../../src/pipeline.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { parsePolicy } from '../../src/config/policy.js';
import { UsageError } from '../../src/pipeline.js';

// One path per extractor route, with a seed document to mutate.
const SEEDS: [string, string][] = [
  ['index.html', '<html><head><script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script><script>fbq("init","1")</script></head><body><iframe src="https://www.youtube.com/embed/x"></iframe></body></html>'],
  ['app.js', "import * as Sentry from '@sentry/browser';\nconst u = `https://api.openai.com/v1/${x}`; // https://c.io\n/re\"/g.test('x');"],
  ['app.py', 'import openai\n"""doc https://a.io"""\nx = f"https://api.mailgun.net/v3/{d}"\n'],
  ['main.go', 'package main\nimport "github.com/stripe/stripe-go/v76"\nvar u = `https://api.twilio.com`\n'],
  ['app.rb', "require 'stripe'\nbody = <<~EOS\n  https://api.sendgrid.com\nEOS\n"],
  ['index.php', '<?php use Stripe\\StripeClient; $u = "https://api.stripe.com"; ?><script src="https://js.stripe.com/v3"></script>'],
  ['style.css', '@import url("https://fonts.googleapis.com/css?family=A"); a { background: url(//px.ads.io/p.gif) }'],
  ['package.json', '{"dependencies":{"stripe":"1","@sentry/node":"8"},"devDependencies":{"vitest":"1"}}'],
  ['package-lock.json', '{"packages":{"":{"dependencies":{"stripe":"1"}},"node_modules/stripe":{}}}'],
  ['pnpm-lock.yaml', "importers:\n  .:\n    dependencies:\n      stripe:\n        version: 1.0.0\n"],
  ['requirements.txt', 'stripe==1\nsentry-sdk[flask]>=2\n'],
  ['pyproject.toml', '[project]\ndependencies = ["openai>=1"]\n'],
  ['go.mod', 'module x\nrequire (\n\tgithub.com/getsentry/sentry-go v0.1.0\n)\n'],
  ['Gemfile', "gem 'stripe'\ngroup :test do\n  gem 'rspec'\nend\n"],
  ['composer.json', '{"require":{"stripe/stripe-php":"1"}}'],
  ['pom.xml', '<dependency><groupId>com.stripe</groupId><artifactId>stripe-java</artifactId></dependency>'],
  ['build.gradle', "implementation 'io.sentry:sentry:7'"],
  ['Cargo.toml', '[dependencies]\nasync-openai = "1"\n'],
  ['main.tf', 'provider "datadog" {}\nresource "aws_s3_bucket" "b" { region = "eu-central-1" }\n'],
  ['.env.example', 'STRIPE_SECRET_KEY=\nSENTRY_DSN=https://k@o1.ingest.sentry.io/1\n'],
  ['Podfile', "target 'App' do\n  pod 'Firebase/Analytics'\n  target 'AppTests' do\n    pod 'Quick'\n  end\nend\n"],
  ['pubspec.yaml', 'name: app\ndependencies:\n  firebase_analytics: ^11.0.0\n  flutter:\n    sdk: flutter\ndev_dependencies:\n  flutter_test:\n    sdk: flutter\n'],
  ['Package.swift', 'let package = Package(dependencies: [.package(url: "https://github.com/getsentry/sentry-cocoa.git", from: "8.0.0")])\n'],
  ['layout.html.haml', '%head\n  %script{async: true, src: "https://www.googletagmanager.com/gtag/js?id=G-1"}\n  :javascript\n    fbq(\'init\', \'1\');\n'],
  ['layout.pug', "head\n  script(src='https://cdn.segment.com/a.js')\n  a(href='https://github.com/x') x\n"],
  ['post.mdx', '---\ntitle: x\n---\n\n```js\nconst a = 1;\n```\n\n<iframe src="https://www.youtube.com/embed/a"></iframe> `code`\n'],
  ['setup.py', 'from setuptools import setup\nsetup(install_requires=["sentry-sdk>=1", \'stripe\'], extras_require={"test": ["pytest"]})\n'],
  ['setup.cfg', '[options]\ninstall_requires =\n    sentry-sdk\n[options.extras_require]\ntest = pytest\n'],
  ['environment.yml', 'dependencies:\n  - conda-forge::sentry-sdk=2\n  - pip:\n      - openai==1\n'],
  ['gradle/libs.versions.toml', '[libraries]\nsentry = { module = "io.sentry:sentry-android", version = "7" }\nfb = { group = "com.google.firebase", name = "firebase-analytics" }\n'],
  ['Directory.Packages.props', '<Project><ItemGroup><PackageVersion Include="Sentry" Version="4" /></ItemGroup></Project>'],
  ['netlify.toml', '[[headers]]\n  [headers.values]\n    Content-Security-Policy = "script-src https://www.google-analytics.com"\n'],
  ['app/src/main/AndroidManifest.xml', '<manifest><application><meta-data android:name="com.google.android.geo.API_KEY" android:value="k"/><data android:host="acme.app.link"/><!-- x --></application></manifest>'],
  ['ios/App/Info.plist', '<plist><dict><key>FacebookAppID</key><string>1</string><key>api.mixpanel.com</key><string>see https://a.io now</string></dict></plist>'],
  ['App.xcodeproj/project.pbxproj', 'A1 = { isa = XCRemoteSwiftPackageReference; repositoryURL = "https://github.com/firebase/firebase-ios-sdk"; };'],
  ['Package.resolved', '{"pins":[{"identity":"sentry-cocoa","location":"https://github.com/getsentry/sentry-cocoa.git"}],"version":2}'],
  ['Cartfile', 'github "getsentry/sentry-cocoa" ~> 8.0\ngit "https://github.com/x/y.git"\n'],
  ['CNAME', 'www.acme.io\n'],
  ['_config.yml', 'url: https://acme.io\ndisqus:\n  enable: false\n  shortname: x\nsocial:\n  - url: https://www.linkedin.com/in/x\n'],
  ['app.config.js', "export default { expo: { plugins: ['react-native-google-mobile-ads', '@sentry/react-native/expo'] } };"],
  // The languages read for known hosts only, AMP, and .NET's appSettings.
  ['src/telemetry.cpp', '// "https://api.segment.io"\n#define HOST "api.mixpanel.com"\nvoid f() { post(R"(x)", "https://o1.ingest.sentry.io/1"); char q = \'"\'; }\n'],
  ['game/net.lua', '--[[ "https://api.segment.io" ]]\nlocal u = "https://api.mixpanel.com/track" .. [[x]]\n'],
  ['src/Track.hs', '{- a {- b -} "https://a.io" -}\nmain = post "https://api.segment.io/v1" x\n'],
  ['views/Analytics.fs', 'let s = "(function(){\n a.src=\'//www.google-analytics.com/analytics.js\'})()" (* "https://a.io" *)\n'],
  ['amp/page.html', '<amp-analytics type="googleanalytics"><script type="application/json">{}</script></amp-analytics><amp-youtube data-videoid="x"></amp-youtube><amp-img src="https://res.cloudinary.com/x.jpg"></amp-img>'],
  ['Web.config', '<configuration><appSettings><add key="StripeSecretKey" value="sk_x" /><add key="reCAPTCHA::PrivateKey" value="y" /></appSettings></configuration>'],
  // Deployments: images and a chart's repositories.
  ['docker-compose.yml', 'services:\n  dd:\n    image: gcr.io/datadoghq/agent:7 # agent\n  # x:\n  #   image: newrelic/infrastructure\nagent:\n  image:\n    repository: datadog/agent\n'],
  ['templates/base.html.twig', '{# <script src="https://cdn.segment.com/a.js"></script> #}{% comment %}<iframe src="https://www.youtube.com/embed/x"></iframe>{% endcomment %}<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>{{!-- x --}}'],
  ['charts/app/Chart.yaml', 'dependencies:\n  - name: datadog\n    repository: https://helm.datadoghq.com\n  - name: redis\n    repository: "https://charts.bitnami.com/bitnami"\n'],
];

const lineCount = (t: string): number => t.split(/\r\n|\n|\r/).length;

function checkExtraction(path: string, text: string): void {
  const run = () => extractFile(path, text, defaultMatcher());
  const first = run();
  const lines = text.split(/\r\n|\n|\r/);
  for (const ev of first.evidence) {
    expect(ev.line).toBeGreaterThanOrEqual(1);
    expect(ev.line).toBeLessThanOrEqual(lineCount(text));
    expect(ev.column).toBeGreaterThanOrEqual(1);
    expect(ev.column).toBeLessThanOrEqual(lines[ev.line - 1]!.length + 1);
  }
  // Same input, same output.
  expect(JSON.stringify(run().evidence)).toBe(JSON.stringify(first.evidence));
}

describe('fuzzing every extractor (seeded, bounded)', () => {
  it.each(SEEDS)('%s: random mutations never throw, stay in bounds, and are deterministic', (path, seed) => {
    const mutated = fc.tuple(fc.nat(seed.length), fc.nat(seed.length), fc.string({ maxLength: 40 }), fc.constantFrom('', '<', '>', '"', "'", '`', '/*', '*/', '//', '#', '\\', '${', '}', '\n', '\r', '\r\n', '\u0000', '\ufeff', '<<EOF', '"""', '<!--', '<?php', '?>'))
      .map(([a, b, s, tok]) => seed.slice(0, Math.min(a, b)) + tok + s + seed.slice(Math.max(a, b)));
    fc.assert(fc.property(mutated, (text) => checkExtraction(path, text)), { seed: 42, numRuns: 150 });
  });

  it.each(SEEDS.map(([p]) => [p]))('%s: arbitrary unicode text never throws', (path) => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => checkExtraction(path, text)), { seed: 7, numRuns: 100 });
  });

  // Thousands of matches on one long line (a minified bundle, a generated config): every check of
  // a match reads a bounded neighbourhood, never the line or block from its start. Read quadratically,
  // these take minutes; the test timeout is the bound.
  it.each([
    ['main.go', 'package main\nimport (' + '"github.com/stripe/stripe-go/v76" '.repeat(60_000) + ')', 60_000],
    ['config.toml', 'x="https://api.stripe.com/v1" '.repeat(60_000), 60_000],
    ['res/values/strings.xml', '<resources><string name="x">' + 'https://api.stripe.com/v1 '.repeat(60_000) + '</string></resources>', 60_000],
    ['_config.yml', Array.from({ length: 60_000 }, (_, i) => `b${i}:\n  enable: false\n  url: https://o1.ingest.sentry.io/${i}\n`).join(''), 0],
    ['app.js', "const s = '" + '](https://api.stripe.com/v1 '.repeat(60_000) + "';", 0],
    // Switches before any section header: each finds its header once, not by reading back.
    ['settings.toml', 'enable = false\nurl = "https://api.stripe.com/v1"\n'.repeat(60_000), 60_000],
    // One instruction continued over 60,000 lines: each line's instruction is found once.
    ['Dockerfile', 'FROM node:20\n' + 'RUN curl https://api.vendor-unknown.io/x \\\n'.repeat(60_000) + '  && true\n', 60_000],
    // 60,000 mail hosts under one key: each finds the keys above it once, not by reading back.
    ['values.yaml', 'mail:\n' + Array.from({ length: 60_000 }, (_, i) => `  host: smtp${i}.vendor-unknown.io\n`).join(''), 60_000],
    // A theme block of 60,000 lines without the theme's name: given up in one pass (each line
    // splitting two ways made it 2^60,000 tries), and the new manifest and template readers.
    ['mkdocs.yml', 'theme:\n' + '  palette: x\n'.repeat(60_000), 0],
    ['project.clj', '(defproject x "1" :dependencies [' + '[acme "1"] '.repeat(60_000) + '])', 60_000],
    ['build.sbt', '"acme" % "b" % "1"\n'.repeat(60_000), 60_000],
    ['.env', ('ANONYMIZED_TELEMETRY' + ' '.repeat(1_000) + '\n').repeat(2_000), 0],
    ['app/build.gradle', 'maven { url "https://repo.vendor-unknown.io" }\n'.repeat(60_000), 60_000],
    // A keyword or tag opened 200,000 times and never closed: each reads a bounded stretch after it.
    ['src/app.js', 'import '.repeat(200_000), 0],
    ['app/src/main/AndroidManifest.xml', '<manifest '.repeat(200_000), 0],
    ['config.xml', '<widget '.repeat(200_000), 0],
    // 100,000 install commands on one line: each word is read once.
    ['Dockerfile', 'RUN ' + 'pip install x; '.repeat(100_000), 1],
    // A notebook of 100,000 code lines, and this session's lockfile readers: each line read once.
    ['analysis.ipynb', '{"cells":[{"cell_type":"code","source":[' + Array.from({ length: 100_000 }, () => '"import stripe\\n"').join(',\n') + ']}]}', 100_000],
    ['poetry.lock', '[[package]]\nname = "sentry-sdk"\n'.repeat(100_000), 100_000],
    ['ios/Podfile.lock', 'PODS:\n' + '  - Sentry (8.0.0):\n    - Sentry/Core\n'.repeat(100_000), 100_000],
    // 50,000 URLs on one line without a quote: each looks back only as far as the last one did.
    ['src/urls.c', ('x'.repeat(50) + '://').repeat(50_000), 0],
    // 100,000 appSettings values left open, AMP elements by the 100,000, a post of 60,000 highlight blocks never closed.
    ['Web.config', '<add key="StripeSecretKey" value="'.repeat(100_000), 1],
    ['amp.html', '<amp-analytics type="googleanalytics">'.repeat(100_000), 100_000],
    ['_posts/p.md', '{% highlight html %}\n<script src="https://acme.disqus.com/embed.js"></script>\n'.repeat(60_000), 0],
    // 200,000 image keys after a comment on one line; 60,000 image maps without a repository; 60,000 chart repositories.
    ['huge.yaml', 'x: 1 #' + ' image: acme/web'.repeat(200_000), 0],
    ['values.yaml', '  image:\n    tag: 1\n'.repeat(60_000), 0],
    ['Chart.yaml', 'dependencies:\n' + '  - repository: https://helm.datadoghq.com\n'.repeat(60_000), 60_000],
    // 100,000 start tags left open around server blocks, and as many widget ids on one line.
    ['page.php', '<div class="x" title="<?= $a->b ?>" '.repeat(100_000), 0],
    ['page.html', '<div id="disqus_thread"></div>'.repeat(100_000), 100_000],
    ['page.html', '<div id="disqus_thread">' + '<!--x-->'.repeat(100_000) + '<script '.repeat(100_000), 1],
    // Template comments opened 100,000 times and never closed, and as many closed ones.
    ['page.html', '{# {% comment %} {{/* {{!-- '.repeat(100_000) + '<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>', 1],
    ['page.html', '{# x #}{% comment %}y{% endcomment %}'.repeat(100_000) + '<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>', 1],
    // 60,000 test phases of a cpanfile never closed (each character counted once), placeholders
    // for a host's labels 200,000 deep, and 100,000 strings joined to variables on one line.
    ['cpanfile', "on 'test' => sub {\n".repeat(60_000) + "requires 'Paws';\n", 1],
    ['cpanfile', "on 'test' => sub { requires 'Test::More'; };\n".repeat(30_000) + "requires 'Paws';\n".repeat(30_000), 60_000],
    ['conf.py', "x = '" + '%s.'.repeat(200_000) + "s3.amazonaws.com'\n", 0],
    ['join.php', "<?php\n$h = " + "$a . '.x' . ".repeat(100_000) + "$b . '.s3.amazonaws.com';\n", 1],
    // An ICE server URI whose host runs 200,000 labels and ends wrong, and 100,000 schemes in a row.
    ['rtc.js', "const u = 'stun:" + 'a.'.repeat(200_000) + "1';\nconst v = '" + 'turn:'.repeat(100_000) + "';\n", 0],
    // This session's readers: a blocklist of 100,000 hosts (its name read once), an array nested
    // 100,000 deep, an extension's 100,000 match patterns, Gradle's split coordinates, 60,000 unset
    // keys and one unset key before 200,000 blank lines, 100,000 template expressions after a tag
    // name, allowed origins, echoed markup, nginx upstreams, and 100,000 schemes joined in a row.
    ['e2e/block.ts', 'const BLOCKED = [\n' + '  "www.google-analytics.com",\n'.repeat(100_000) + '];\n', 0],
    ['src/x.js', 'const X = ' + '['.repeat(100_000) + '"js.stripe.com"' + ']'.repeat(100_000) + ';\n', 1],
    ['src/manifest.json', '{"manifest_version": 3, "host_permissions": [' + '"https://www.google.com/*",'.repeat(100_000) + '"x"]}', 0],
    ['build.gradle.kts', 'implementation("io.sentry", "sentry", "1")\n'.repeat(60_000), 60_000],
    ['values.yaml', 'sentry:\n  dsn:\n'.repeat(60_000), 0],
    ['values.yaml', 'sentry:\n  dsn:\n' + '\n'.repeat(200_000) + '    x: 1\n', 1],
    ['page.html', '<script{{ x }}'.repeat(100_000), 0],
    ['_headers', 'Access-Control-Allow-Origin: https://acme.com\n'.repeat(100_000), 200_000],
    ['p.php', '<?php\n' + 'echo "<script src=\\"https://js.stripe.com/v3\\"></script>";\n'.repeat(60_000), 60_000],
    ['nginx.conf', 'proxy_set_header Host plausible.io;\n'.repeat(100_000), 100_000],
    ['a.js', 'x = ' + "'https://' + ".repeat(100_000) + "'cdn.vendor-unknown.com/t.js';\n", 1],
    // 600,000 unclosed elements: the parser's stack of open elements stays bounded.
    ['index.html', '<div>'.repeat(600_000) + '<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script><script>x("https://api.vendor-unknown.io")</script>', 2],
  ])('%s: thousands of matches on a line or in a block stay linear', (path, text, evidence) => {
    expect(extractFile(path, text, defaultMatcher()).evidence.length).toBe(evidence);
  });

  it('the policy parser only ever throws usage errors', () => {
    const yamlish = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('vendors:\n  x: { dpa: signed }\n', 'consent: { manager: cookiebot }', 'rules: { consent-required: off }', 'a: &a [1]\nb: *a', 'fail_on: never\n').chain((base) => fc.string({ maxLength: 20 }).map((s) => base + s)),
    );
    fc.assert(
      fc.property(yamlish, (text) => {
        try {
          parsePolicy(text, 'p.yml');
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          expect((e as Error).message).toMatch(/^p\.yml/);
        }
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});
