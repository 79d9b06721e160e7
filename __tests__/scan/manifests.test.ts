import { describe, it, expect } from 'vitest';
import { extractFile, keptEvidence } from '../../src/pipeline.js';
import { NO_DETECTORS } from '../../src/scan/context.js';
import { Matcher } from '../../src/catalogue/matcher.js';
import { CATALOGUE } from '../../src/catalogue/catalogue.generated.js';
import { serviceFor } from '../../src/catalogue/attribute.js';

const matcher = new Matcher([]);
const deps = (path: string, text: string) =>
  extractFile(path, text, matcher).evidence.filter((e) => e.kind === 'dependency').map((e) => [e.ecosystem, e.package, e.line, e.dev ?? false]);
const errors = (path: string, text: string) => extractFile(path, text, matcher).errors;
void NO_DETECTORS;

describe('manifest extractors', () => {
  it.each([
    ['package.json', '{\n  "dependencies": {\n    "openai": "^4"\n  },\n  "devDependencies": {\n    "@sentry/cli": "1"\n  }\n}', [['npm', 'openai', 3, false], ['npm', '@sentry/cli', 6, true]]],
    ['package-lock.json', '{\n "lockfileVersion": 3,\n "packages": {\n  "": {\n   "dependencies": {"stripe": "^1"}\n  },\n  "node_modules/stripe": {\n   "version": "1.0.0"\n  }\n }\n}', [['npm', 'stripe', 7, false]]],
    // Recent pnpm: the package manager's own lockfile document first, then the project's.
    ['pnpm-lock.yaml', "---\nlockfileVersion: '9.0'\nimporters:\n  .:\n    packageManagerDependencies:\n      pnpm:\n        specifier: 12.4.2\n        version: 12.4.2\n---\nlockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      stripe:\n        specifier: ^17\n        version: 17.0.0\n", [['npm', 'stripe', 14, false]]],
    ['pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      posthog-js:\n        specifier: ^1\n        version: 1.0.0\n    devDependencies:\n      '@sentry/vite-plugin':\n        specifier: ^2\n        version: 2.0.0\npackages:\n  left-pad@1.0.0: {}\n", [['npm', 'posthog-js', 5, false], ['npm', '@sentry/vite-plugin', 9, true]]],
    // An extra installs what it names: sentry-sdk[flask] brings flask (a catalogue package such as boto3 then counts).
    ['requirements.txt', '# comment\nflask==3\nsentry-sdk[flask]>=2  # errors\n-r other.txt\n', [['pypi', 'flask', 2, false], ['pypi', 'sentry-sdk', 3, false], ['pypi', 'flask', 3, false]]],
    ['requirements-dev.txt', 'pytest\n', [['pypi', 'pytest', 1, true]]],
    ['pyproject.toml', '[project]\nname = "x"\ndependencies = [\n  "openai>=1",\n  "Anthropic",\n]\n[project.optional-dependencies]\ntest = ["pytest"]\n', [['pypi', 'openai', 4, false], ['pypi', 'anthropic', 5, false], ['pypi', 'pytest', 8, true]]],
    ['pyproject.toml', '[tool.poetry.dependencies]\npython = "^3.11"\nstripe = "^9"\n[tool.poetry.group.dev.dependencies]\nmypy = "*"\n', [['pypi', 'stripe', 3, false], ['pypi', 'mypy', 5, true]]],
    ['Pipfile', '[packages]\ntwilio = "*"\n\n[dev-packages]\nblack = "*"\n', [['pypi', 'twilio', 2, false], ['pypi', 'black', 5, true]]],
    ['Gemfile', "source 'https://rubygems.org'\ngem 'stripe'\ngroup :development, :test do\n  gem 'rspec'\nend\ngem 'sentry-ruby', '~> 5'\n", [['gem', 'stripe', 2, false], ['gem', 'rspec', 4, true], ['gem', 'sentry-ruby', 6, false]]],
    // Perl's cpanfile: a feature's optional modules count; a test or develop phase's are dev; a comment is none.
    ['etc/cpanfile', "requires 'Plack', '1.0';\n# requires 'Net::Twitter';\nfeature 's3', 'S3 storage' => sub {\n    requires 'Amazon::S3';\n};\non 'test' => sub {\n    requires \"Test::More\";\n};\nrequires 'Paws';\n", [['cpan', 'Plack', 1, false], ['cpan', 'Amazon::S3', 4, false], ['cpan', 'Test::More', 7, true], ['cpan', 'Paws', 9, false]]],
    ['Gemfile.lock', 'GEM\n  specs:\n    stripe (1.0)\n\nDEPENDENCIES\n  sentry-ruby\n  stripe (~> 9)\n\nBUNDLED WITH\n', [['gem', 'sentry-ruby', 6, false], ['gem', 'stripe', 7, false]]],
    ['go.mod', 'module x\n\ngo 1.22\n\nrequire github.com/stripe/stripe-go/v76 v76.0.0\n\nrequire (\n\tgithub.com/getsentry/sentry-go v0.27.0\n\tgolang.org/x/net v0.1.0 // indirect\n)\n', [['go', 'github.com/stripe/stripe-go/v76', 5, false], ['go', 'github.com/getsentry/sentry-go', 8, false]]],
    ['composer.json', '{\n  "require": {\n    "php": ">=8.1",\n    "Stripe/stripe-php": "^13"\n  },\n  "require-dev": {\n    "phpunit/phpunit": "^10"\n  }\n}', [['composer', 'stripe/stripe-php', 4, false], ['composer', 'phpunit/phpunit', 7, true]]],
    ['pom.xml', '<project>\n<dependencies>\n<dependency>\n  <groupId>com.stripe</groupId>\n  <artifactId>stripe-java</artifactId>\n</dependency>\n<dependency>\n  <groupId>junit</groupId>\n  <artifactId>junit</artifactId>\n  <scope>test</scope>\n</dependency>\n</dependencies>\n</project>', [['maven', 'com.stripe:stripe-java', 5, false], ['maven', 'junit:junit', 9, true]]],
    ['build.gradle.kts', 'dependencies {\n    implementation("io.sentry:sentry-android:7.0.0")\n    testImplementation("junit:junit:4.13")\n}\n', [['maven', 'io.sentry:sentry-android', 2, false], ['maven', 'junit:junit', 3, true]]],
    // The group and name apart: Kotlin's arguments, named or not, and Groovy's map notation.
    ['build.gradle.kts', 'dependencies {\n    implementation("io.sentry", "sentry", "5.4.3")\n    testImplementation(group = "junit", name = "junit", version = "4.13")\n}\n', [['maven', 'io.sentry:sentry', 2, false], ['maven', 'junit:junit', 3, true]]],
    ['build.gradle', "dependencies {\n    implementation group: 'com.stripe', name: 'stripe-java', version: '24.0.0'\n}\n", [['maven', 'com.stripe:stripe-java', 2, false]]],
    ['Packages/manifest.json', '{\n  "dependencies": {\n    "com.unity.ads": "4.4.2",\n    "com.gameanalytics.sdk": "https://github.com/GameAnalytics/GA-SDK-UNITY.git",\n    "com.unity.test-framework": "1.1.33"\n  }\n}\n', [['upm', 'com.unity.ads', 3, false], ['upm', 'com.gameanalytics.sdk', 4, false], ['upm', 'com.unity.test-framework', 5, true]]],
    // A web app's manifest is no package manifest.
    ['public/manifest.json', '{\n  "name": "Shop",\n  "dependencies": {\n    "com.unity.ads": "4.4.2"\n  }\n}\n', []],
    ['build.sbt', 'libraryDependencies ++= Seq(\n  "com.stripe" % "stripe-java" % "24.0.0",\n  "io.sentry" %% "sentry-logback" % sentryVersion,\n  "org.scalatest" %% "scalatest" % "3.2.18" % Test\n)\n', [['maven', 'com.stripe:stripe-java', 2, false], ['maven', 'io.sentry:sentry-logback', 3, false], ['maven', 'org.scalatest:scalatest', 4, true]]],
    ['project/plugins.sbt', 'addSbtPlugin("io.sentry" % "sbt-sentry" % "1.0")\n', [['maven', 'io.sentry:sbt-sentry', 1, true]]],
    ['deps.edn', '{:deps {org.clojure/clojure {:mvn/version "1.11.1"}\n        com.stripe/stripe-java {:mvn/version "24.0.0"}\n        ; io.sentry/sentry {:mvn/version "7.0.0"}\n        ring/ring-core {:mvn/version "1.10.0"}}\n :aliases {:test {:extra-deps {lambdaisland/kaocha {:mvn/version "1.87"}}}}}\n', [['maven', 'com.stripe:stripe-java', 2, false], ['maven', 'ring:ring-core', 4, false], ['maven', 'lambdaisland:kaocha', 5, true]]],
    ['project.clj', '(defproject shop "0.1.0"\n  :description "A shop [with brackets]"\n  :dependencies [[org.clojure/clojure "1.11.1"]\n                 [com.stripe/stripe-java "24.0.0"]\n                 [sentry-clj "7.0.0"]]\n  :profiles {:dev {:dependencies [[midje "1.10.9"]]}})\n', [['maven', 'com.stripe:stripe-java', 4, false], ['maven', 'sentry-clj:sentry-clj', 5, false], ['maven', 'midje:midje', 6, true]]],
    ['Cargo.toml', '[package]\nname = "x"\n\n[dependencies]\nasync-openai = "0.20"\n\n[dev-dependencies]\ntokio-test = "0.4"\n', [['cargo', 'async-openai', 5, false], ['cargo', 'tokio-test', 8, true]]],
    // A dependency renamed in the manifest is the crate its `package` names, on the line that declares it.
    ['Cargo.toml', '[package]\nname = "x"\n\n[dependencies]\nyubico = { package = "yubico_ng", version = "0.13" }\n', [['cargo', 'yubico_ng', 5, false]]],
    // A monorepo's own packages are first party; an npm alias installs the package it names.
    ['package.json', '{\n  "dependencies": {\n    "@calcom/embed-core": "workspace:*",\n    "shared": "link:../shared",\n    "analytics": "npm:@segment/analytics-next@^1.70",\n    "openai": "^4"\n  }\n}', [['npm', '@segment/analytics-next', 5, false], ['npm', 'openai', 6, false]]],
    ['App.csproj', '<Project>\n  <ItemGroup>\n    <PackageReference Include="Stripe.net" Version="43.0.0" />\n  </ItemGroup>\n</Project>', [['nuget', 'Stripe.net', 3, false]]],
    ['mix.exs', 'defp deps do\n  [\n    {:sentry, "~> 10.0"},\n    {:credo, "~> 1.7", only: [:dev, :test]}\n  ]\nend\n', [['hex', 'sentry', 3, false], ['hex', 'credo', 4, true]]],
    [
      'ios/Podfile',
      "platform :ios, '15.0'\ntarget 'Shop' do\n  pod 'Firebase/Analytics'\n  pod \"Sentry\", '~> 8.0'\n  # pod 'Unused'\n  if ENV['CI']\n    pod 'Debugger'\n  end\n  target 'ShopTests' do\n    inherit! :search_paths\n    pod 'Quick'\n  end\nend\npost_install do |installer|\nend\n",
      [['cocoapods', 'Firebase/Analytics', 3, false], ['cocoapods', 'Sentry', 4, false], ['cocoapods', 'Debugger', 7, false], ['cocoapods', 'Quick', 11, true]],
    ],
    [
      'Package.swift',
      'let package = Package(\n  dependencies: [\n    .package(url: "https://github.com/Firebase/firebase-ios-sdk.git", from: "10.0.0"),\n    .package(name: "Sentry", url: "git@github.com:getsentry/sentry-cocoa.git", .upToNextMajor(from: "8.0.0")),\n    .package(path: "../Local"),\n  ]\n)\n',
      [['swiftpm', 'github.com/firebase/firebase-ios-sdk', 3, false], ['swiftpm', 'github.com/getsentry/sentry-cocoa', 4, false]],
    ],
    // An app's Xcode project adds its Swift packages (most apps have no Package.swift), and pins them.
    [
      'Shop.xcodeproj/project.pbxproj',
      '/* Begin XCRemoteSwiftPackageReference section */\n\t\tA1 /* XCRemoteSwiftPackageReference "firebase-ios-sdk" */ = {\n\t\t\tisa = XCRemoteSwiftPackageReference;\n\t\t\trepositoryURL = "https://github.com/firebase/firebase-ios-sdk";\n\t\t\trequirement = {\n\t\t\t\tkind = upToNextMajorVersion;\n\t\t\t};\n\t\t};\n/* End XCRemoteSwiftPackageReference section */\n',
      [['swiftpm', 'github.com/firebase/firebase-ios-sdk', 4, false]],
    ],
    [
      'Shop.xcworkspace/xcshareddata/swiftpm/Package.resolved',
      '{\n  "pins" : [\n    {\n      "identity" : "sentry-cocoa",\n      "kind" : "remoteSourceControl",\n      "location" : "https://github.com/getsentry/sentry-cocoa.git",\n      "state" : { "version" : "8.0.0" }\n    }\n  ],\n  "version" : 2\n}\n',
      [['swiftpm', 'github.com/getsentry/sentry-cocoa', 6, false]],
    ],
    [
      'Package.resolved',
      '{"object": {"pins": [\n{"package": "Mixpanel", "repositoryURL": "https://github.com/mixpanel/mixpanel-swift", "state": {}}\n]}, "version": 1}\n',
      [['swiftpm', 'github.com/mixpanel/mixpanel-swift', 2, false]],
    ],
    [
      'Cartfile',
      'github "Alamofire/Alamofire" ~> 5.0\n# github "Unused/Thing"\ngit "https://github.com/getsentry/sentry-cocoa.git" "8.0.0"\nbinary "https://dl.google.com/dl/firebase/ios/carthage/FirebaseAnalyticsBinary.json"\n',
      [['swiftpm', 'github.com/alamofire/alamofire', 1, false], ['swiftpm', 'github.com/getsentry/sentry-cocoa', 3, false]],
    ],
    // Cordova's config.xml names the app's plugins by npm package; a commented-out one is not.
    [
      'config.xml',
      '<?xml version="1.0"?>\n<widget id="com.acme.app" version="1.0.0">\n  <plugin name="cordova-plugin-firebasex" spec="^16.0.0" />\n  <!-- <plugin name="cordova-plugin-mixpanel" /> -->\n  <plugin spec="^3.0.0" name="onesignal-cordova-plugin" />\n</widget>\n',
      [['npm', 'cordova-plugin-firebasex', 3, false], ['npm', 'onesignal-cordova-plugin', 5, false]],
    ],
    [
      'pubspec.yaml',
      'name: shop\nenvironment:\n  sdk: ">=3.0.0 <4.0.0"\ndependencies:\n  flutter:\n    sdk: flutter\n  firebase_analytics: ^11.0.0\n  # mixpanel_flutter: ^2\n  sentry_flutter:\n    version: ^8.0.0\ndev_dependencies:\n  flutter_test:\n    sdk: flutter\nflutter:\n  uses-material-design: true\n',
      [['pub', 'flutter', 5, false], ['pub', 'firebase_analytics', 7, false], ['pub', 'sentry_flutter', 9, false], ['pub', 'flutter_test', 12, true]],
    ],
    // setup.py is read, never run: the requirement strings of setup()'s lists, a commented-out one aside
    [
      'setup.py',
      'from setuptools import setup\nsetup(\n    name="svc",\n    install_requires=[\n        "sentry-sdk>=1.0",\n        # "mixpanel",\n        \'Stripe==7.0\',\n    ],\n    extras_require={"test": ["pytest"], "ai": ["openai; python_version>\'3.8\'"]},\n    tests_require=("tox",),\n)\n',
      [['pypi', 'sentry-sdk', 5, false], ['pypi', 'stripe', 7, false], ['pypi', 'tox', 10, true], ['pypi', 'pytest', 9, true], ['pypi', 'openai', 9, false]],
    ],
    [
      'setup.cfg',
      '[metadata]\nname = svc\n\n[options]\ninstall_requires =\n    sentry-sdk>=1.0\n    # mixpanel\n    Twilio\npython_requires = >=3.9\n\n[options.extras_require]\ntesting =\n    pytest\nai = openai\n',
      [['pypi', 'sentry-sdk', 6, false], ['pypi', 'twilio', 8, false], ['pypi', 'pytest', 13, true], ['pypi', 'openai', 14, false]],
    ],
    [
      'environment.yml',
      'name: svc\nchannels: [conda-forge]\ndependencies:\n  - python=3.11\n  - conda-forge::sentry-sdk=2.0\n  - pip\n  - pip:\n      - openai==1.0\n',
      [['pypi', 'python', 4, false], ['pypi', 'sentry-sdk', 5, false], ['pypi', 'pip', 6, false], ['pypi', 'openai', 8, false]],
    ],
    [
      'gradle/libs.versions.toml',
      '[versions]\nbom = "33.1.0"\n\n[libraries]\nfirebase-bom = { group = "com.google.firebase", name = "firebase-bom", version.ref = "bom" }\nsentry-android = { module = "io.sentry:sentry-android", version = "7.0.0" }\nstripe = "com.stripe:stripe-android:20.0.0"\njunit = "junit:junit:4.13"\n\n[plugins]\nandroid-application = { id = "com.android.application", version = "8.5.0" }\n',
      [['maven', 'com.google.firebase:firebase-bom', 5, false], ['maven', 'io.sentry:sentry-android', 6, false], ['maven', 'com.stripe:stripe-android', 7, false], ['maven', 'junit:junit', 8, true]],
    ],
    ['Directory.Packages.props', '<Project>\n  <ItemGroup>\n    <PackageVersion Include="Sentry.AspNetCore" Version="4.0.0" />\n  </ItemGroup>\n</Project>', [['nuget', 'Sentry.AspNetCore', 3, false]]],
  ])('%s', (path, text, expected) => {
    expect(deps(path, text)).toEqual(expected);
  });

  it.each([
    ['package.json', '{"dependencies": {'],
    ['composer.json', '{ nope'],
    ['pyproject.toml', '[project\nname = "x"'],
    ['Cargo.toml', 'dependencies = = ='],
    ['Pipfile', '[packages\n'],
  ])('an invalid %s is an error naming the problem, not a crash', (path, text) => {
    const errs = errors(path, text);
    expect(errs).toHaveLength(1);
    expect(errs[0]!.path).toBe(path);
    expect(errs[0]!.message).toMatch(/invalid (JSON|TOML)/);
  });

  // A broken manifest is reported on the line that breaks it, and what declares a dependency
  // before or around that line is still read.
  it.each([
    ['package.json', '{\n  "dependencies": {\n    "stripe": "^14",\n    "@sentry/node": "8"\n  },\n  "scripts": { "build": }\n}\n', 6, [['npm', 'stripe', 3, false], ['npm', '@sentry/node', 4, false]]],
    ['package.json', '{\n  "dependencies": {\n    "openai": "4",\n  }\n}\n', 4, [['npm', 'openai', 3, false]]],
    ['composer.json', '{\n  "require": {\n    "stripe/stripe-php": "^13"\n    "twilio/sdk": "^7"\n  }\n}\n', 4, [['composer', 'stripe/stripe-php', 3, false], ['composer', 'twilio/sdk', 4, false]]],
    ['Cargo.toml', '[dependencies]\nasync-openai = "0.20"\nsentry = "0.34"\nbroken = = 1\n\n[dev-dependencies]\nmockito = "1"\n', 4, [['cargo', 'async-openai', 2, false], ['cargo', 'sentry', 3, false], ['cargo', 'mockito', 7, true]]],
    // An array left open at the end: the parser names the line after it.
    ['pyproject.toml', '[project]\nname = "x"\ndependencies = ["openai>=1", "sentry-sdk"]\nkeywords = [\n', 5, [['pypi', 'openai', 3, false], ['pypi', 'sentry-sdk', 3, false]]],
    ['Pipfile', '[packages]\nstripe = "*"\nrequests = {version = \n\n[dev-packages]\npytest = "*"\n', 3, [['pypi', 'stripe', 2, false], ['pypi', 'pytest', 6, true]]],
    // Nested deeper than the tolerant parser recurses: read up to the level where it stops.
    ['package.json', '{"dependencies": {"stripe": "1"},\n"x": ' + '['.repeat(200_000) + ' , }', 2, [['npm', 'stripe', 1, false]]],
    // The YAML parser names the line after a sequence left open at the end.
    ['environment.yml', 'name: x\ndependencies:\n  - sentry-sdk=2\n  - pip:\n      - openai==1\nchannels: [\n', 7, [['pypi', 'sentry-sdk', 3, false], ['pypi', 'openai', 5, false]]],
    ['pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      stripe:\n        specifier: ^17\n        version: 17.0.0\npackages: [\n", 9, [['npm', 'stripe', 5, false]]],
  ])('an invalid %s is an error on its line, and its other dependencies are still read', (path, text, line, expected) => {
    const errs = errors(path, text);
    expect(errs.map((e) => [e.path, e.line])).toEqual([[path, line]]);
    expect(deps(path, text)).toEqual(expected);
  });

  it('a package.json that is an array is an error', () => {
    expect(errors('package.json', '[1,2]')[0]!.message).toMatch(/not a JSON object/);
  });

  it('finds every dependency of a manifest of thousands on its own line (each looked for after the one before)', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `pkg-${i}`);
    const json = `{\n  "dependencies": {\n${names.map((n) => `    "${n}": "1.0.0"`).join(',\n')}\n  },\n  "devDependencies": {\n    "pkg-7": "1"\n  }\n}`;
    const found = deps('package.json', json);
    expect(found).toHaveLength(3001);
    found.slice(0, 3000).forEach(([, name, line], i) => expect([name, line]).toEqual([names[i], i + 3]));
    // the same name again in a later block is found there, not at its first line
    expect(found[3000]).toEqual(['npm', 'pkg-7', 3000 + 5, true]);
    const toml = `[project]\ndependencies = [\n${names.map((n) => `  "${n}>=1",`).join('\n')}\n]\n`;
    deps('pyproject.toml', toml).forEach(([, name, line], i) => expect([name, line]).toEqual([names[i], i + 3]));
  });

  it("a yarn.lock's packages are low confidence: it cannot tell a direct or runtime package from one a dev tool pulls in", () => {
    const lock = '# yarn lockfile v1\n\n"@segment/analytics-node@^1.0.0":\n  version "1.0.0"\n\nstripe@^14.0.0, stripe@^14.1.0:\n  version "14.1.0"\n';
    expect(extractFile('yarn.lock', lock, matcher).evidence.map((e) => [e.package, e.line, e.confidence])).toEqual([
      ['@segment/analytics-node', 3, 'low'],
      ['stripe', 6, 'low'],
    ]);
    // package.json names the direct ones, at high.
    expect(extractFile('package.json', '{"dependencies": {"stripe": "^14"}}', matcher).evidence.map((e) => e.confidence)).toEqual(['high']);
  });

  it.each([
    // Cargo.lock: a crate with a source; the workspace's own crates have none.
    ['Cargo.lock', 'version = 3\n\n[[package]]\nname = "my-app"\nversion = "0.1.0"\ndependencies = [\n "sentry",\n]\n\n[[package]]\nname = "sentry"\nversion = "0.34.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n', [['sentry', 11, 'low']]],
    // mix.lock: the Hex package after :hex.
    ['mix.lock', '%{\n  "ex_aws_s3": {:hex, :ex_aws_s3, "2.5.9", "abc", [:mix], [], "hexpm", "def"},\n  "sentry": {:hex, :sentry, "10.2.0", "abc", [:mix], [], "hexpm", "def"},\n}\n', [['ex_aws_s3', 2, 'low'], ['sentry', 3, 'low']]],
    // go.sum: each module once, at its first line (a report keeps those the catalogue knows).
    ['go.sum', 'github.com/stripe/stripe-go/v72 v72.122.0 h1:abc=\ngithub.com/stripe/stripe-go/v72 v72.122.0/go.mod h1:def=\ngolang.org/x/net v0.1.0 h1:x=\n', [['github.com/stripe/stripe-go/v72', 1, 'low'], ['golang.org/x/net', 3, 'low']]],
  ])("%s names the whole graph, each package low confidence", (path, text, expected) => {
    expect(extractFile(path, text, matcher).evidence.map((e) => [e.package, e.line, e.confidence])).toEqual(expected);
  });

  it('marks every dependency in a test folder as dev', () => {
    expect(deps('test/fixtures/app/package.json', '{"dependencies":{"stripe":"1"}}')).toEqual([['npm', 'stripe', 1, true]]);
  });
});

describe('CocoaPods subspecs', () => {
  const entry = (id: string, pods: string[]) => ({ ...CATALOGUE[0]!, id, detect: { packages: { cocoapods: pods } } });
  const pods = new Matcher([entry('firebase', ['Firebase']), entry('google-analytics', ['Firebase/Analytics'])]);
  it.each([
    ['Firebase', 'firebase'],
    ['Firebase/Firestore', 'firebase'],
    ['Firebase/Analytics', 'google-analytics'],
    ['FirebaseUI', undefined],
  ])('%s → %s', (pod, id) => {
    expect(pods.matchPackage('cocoapods', pod)).toBe(id);
  });
});

describe('package names of the catalogue, from real manifests', () => {
  const catalogue = new Matcher(CATALOGUE);
  it.each([
    // Firebase products beyond the named ones (Kotlin extensions, Performance, Remote Config); exact names still win.
    ['maven', 'com.google.firebase:firebase-messaging-ktx', 'firebase'],
    ['maven', 'com.google.firebase:firebase-perf', 'firebase'],
    ['maven', 'com.google.firebase:firebase-analytics-ktx', 'google-analytics'],
    ['maven', 'com.google.firebase:firebase-auth', 'firebase-auth'],
    // Fabric's Crashlytics, now Firebase Crashlytics; AdMob through Firebase's pod.
    ['cocoapods', 'Crashlytics', 'firebase'],
    ['cocoapods', 'Fabric', 'firebase'],
    ['maven', 'com.crashlytics.sdk.android:crashlytics', 'firebase'],
    ['cocoapods', 'Firebase/AdMob', 'google-admob'],
    ['cargo', 'segment', 'segment'],
    ['npm', 'nodemailer-sendgrid', 'sendgrid'],
    ['composer', 'league/flysystem-aws-s3-v3', 'aws'],
    ['cpan', 'Amazon::S3', 'aws'],
    // Stream's SDKs, not every package of its npm scope (a FlatList helper sends nothing).
    ['npm', '@stream-io/video-react-sdk', 'getstream'],
    ['npm', '@stream-io/flat-list-mvcp', undefined],
  ])('%s %s → %s', (ecosystem, name, id) => {
    expect(catalogue.matchPackage(ecosystem, name)).toBe(id);
  });

  it("a build flavor's configuration is a configuration (prodImplementation, betaImplementation)", () => {
    const gradle = 'dependencies {\n    prodImplementation "com.google.firebase:firebase-messaging-ktx:$firebaseMessagingVersion"\n}\n';
    expect(deps('app/build.gradle', gradle)).toEqual([['maven', 'com.google.firebase:firebase-messaging-ktx', 2, false]]);
  });
});

describe('imports of the mobile languages', () => {
  const catalogue = new Matcher(CATALOGUE);
  const imported = (path: string, text: string): [string | undefined, number][] =>
    extractFile(path, text, catalogue).evidence.filter((e) => e.kind === 'import').map((e): [string | undefined, number] => [serviceFor(e, catalogue), e.line]).filter(([id]) => id !== undefined);
  it.each([
    // Swift: a pod's module (import Firebase), or the module the catalogue names where it differs.
    ['ios/App/AppDelegate.swift', 'import UIKit\nimport Firebase\nimport AppsFlyerLib\n@testable import Mixpanel\n', [['firebase', 2], ['appsflyer', 3], ['mixpanel', 4]]],
    ['ios/App/AppDelegate.swift', 'import AirshipKit\nimport Segment\nimport AppCenterDistribute\nimport AppboyKit\nimport AppCenter\n', [['airship', 1], ['segment', 2], ['microsoft-app-center', 3], ['braze', 4], ['microsoft-app-center', 5]]],
    // An app's own module called Analytics is not Segment's old pod.
    ['ios/App/Tracker.swift', 'import Analytics\nimport Foundation\n', []],
    // Objective-C: a framework's header or module; the app's own headers and Apple's frameworks are no service.
    ['ios/App/AppDelegate.m', '#import "AppDelegate.h"\n#import <UIKit/UIKit.h>\n#import <Branch/Branch.h>\n@import Firebase;\n', [['branch', 3], ['firebase', 4]]],
    // Dart: pub packages by name; the app's own package and Flutter are no service.
    ['lib/main.dart', "import 'package:firebase_core/firebase_core.dart';\nimport 'package:flutter/material.dart';\nimport 'package:onesignal_flutter/onesignal_flutter.dart';\nimport 'package:my_app/home.dart';\n", [['firebase', 1], ['onesignal', 3]]],
  ])('%s', (path, text, expected) => {
    expect(imported(path, text)).toEqual(expected);
  });

  // An app delegate that calls the SDK through a header of its own (no import of the vendor's).
  it.each([
    ['ios/App/AppDelegate.m', '#import "AFDelegate.h"\n- (void)go {\n  [[AppsFlyerLib shared] setAppsFlyerDevKey:@"k"];\n  [[AppsFlyerLib shared] start];\n}\n'],
    ['ios/App/AppDelegate.swift', 'func applicationDidBecomeActive(_ application: UIApplication) {\n  AppsFlyerLib.shared().start()\n}\n'],
  ])('%s: the SDK calls name it', (path, text) => {
    expect(extractFile(path, text, catalogue).evidence.map((e) => serviceFor(e, catalogue))).toContain('appsflyer');
  });

  it.each([
    ['npm', 'expo-analytics-amplitude', 'amplitude'],
    ['npm', 'expo-analytics-segment', 'segment'],
    ['npm', 'react-native-firebase', 'firebase'],
    ['npm', 'vue2-google-maps', 'google-maps'],
  ])('%s %s → %s', (ecosystem, name, id) => {
    expect(catalogue.matchPackage(ecosystem, name)).toBe(id);
  });

  it.each([
    // .NET: the AWS SDK's namespaces all start with Amazon; SES keeps its own entry.
    ['csharp', 'Amazon.SimpleNotificationService', 'aws'],
    ['csharp', 'Amazon.SimpleEmail', 'amazon-ses'],
  ])('import %s %s → %s', (language, module, id) => {
    expect(catalogue.matchImport(language, module)).toBe(id);
  });

  it('an import of a path into node_modules names the package after it', () => {
    const plugin = "import Vue from 'vue'\nimport * as VueGoogleMaps from '~/node_modules/vue2-google-maps'\nVue.use(VueGoogleMaps, { load: { libraries: 'places' } })\n";
    expect(keptEvidence(extractFile('plugins/Maps.js', plugin, catalogue).evidence, catalogue).map((e) => [serviceFor(e, catalogue), e.line])).toEqual([['google-maps', 2]]);
  });

  it('a Magento template (.phtml) is read as PHP with markup', () => {
    const phtml = '<?php /** @var $block */ ?>\n<script src="https://cdn.vendor-unknown.io/track.js"></script>\n';
    expect(keptEvidence(extractFile('view/frontend/templates/js/track.phtml', phtml, catalogue).evidence, catalogue).map((e) => [e.kind, e.host, e.line])).toEqual([['script-src', 'cdn.vendor-unknown.io', 2]]);
  });

  it("a CakePHP view (.ctp) is read as PHP with markup: a map embedded from Google's Australian domain", () => {
    const ctp = '<h1><?php echo __("Contact us"); ?></h1>\n<iframe src="http://maps.google.com.au/maps?q=Seaford&amp;output=embed"></iframe>\n';
    expect(keptEvidence(extractFile('app/View/Visitors/contact_us.ctp', ctp, catalogue).evidence, catalogue).map((e) => [serviceFor(e, catalogue), e.kind, e.line])).toEqual([['google-maps', 'iframe', 2]]);
  });
});

// Gradle's build logic names libraries as strings the build scripts use (buildSrc's Deps.kt,
// a convention plugin, gradle/dependencies.gradle's ext map).
describe("Gradle's build logic", () => {
  it.each([
    ['buildSrc/src/main/kotlin/Deps.kt', 'object Deps {\n  const val sentry = "io.sentry:sentry-android:6.28.0"\n  const val adjust = "com.adjust.sdk:adjust-android:${Versions.adjust}"\n}\n', [['maven', 'io.sentry:sentry-android', 2, false], ['maven', 'com.adjust.sdk:adjust-android', 3, false]]],
    ['build-logic/convention/src/main/java/Libs.java', 'class Libs { static final String STRIPE = "com.stripe:stripe-java:24.0.0"; }\n', [['maven', 'com.stripe:stripe-java', 1, false]]],
    ['gradle/dependencies.gradle', "ext.libs = [\n  mixpanel: 'com.mixpanel.android:mixpanel-android:7.3.1',\n]\n", [['maven', 'com.mixpanel.android:mixpanel-android', 2, false]]],
    // A coordinate's shape in app code is no declaration; nor are strings without a version or a dotted group.
    ['app/src/main/kotlin/Main.kt', 'val s = "io.sentry:sentry-android:6.28.0"\n', []],
    ['buildSrc/src/main/kotlin/Deps.kt', 'const val a = "junit:junit:4.13"\nconst val b = "io.sentry:sentry-android"\nconst val c = "https://example.com:443/x"\n', []],
  ])('%s', (path, text, expected) => {
    expect(deps(path, text)).toEqual(expected);
  });
});
