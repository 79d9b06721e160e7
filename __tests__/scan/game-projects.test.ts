// Games and Android apps reach services from build files the web's scanners pass over: Godot's GDScript, Defold's
// game.project, Unity's package manifest (see manifests.test.ts), a Gradle build's app settings.
import { describe, it, expect } from 'vitest';
import { evidenceOf } from '../helpers/extract.js';

describe('game projects', () => {
  it.each([
    // Godot's GDScript talks to services over HTTP; Defold's project file and Unreal's ini switch them on.
    ['scripts/FirestoreManager.gd', 'extends Node\nconst BASE = "https://firestore.googleapis.com/v1/projects/%s/databases/(default)/documents"\nfunc save(doc):\n\t$HTTPRequest.request(BASE % project_id)\n', ['firestore.googleapis.com']],
    ['game.project', '[project]\ntitle = Flappy\n\n[analytics]\nendpoint = https://collect.vendor-unknown.io/v1\n', ['collect.vendor-unknown.io']],
  ])('%s reads %j', (path, text, expected) => {
    expect(evidenceOf(path, text).filter((e) => e.host).map((e) => e.host)).toEqual(expected);
  });
});

describe('Gradle builds', () => {
  const GRADLE = 'repositories {\n    maven { url "https://maven.vendor-unknown.io" }\n    maven(url = "https://repo.vendor-unknown.io")\n}\nsonar { properties { property "sonar.host.url", "https://sonar.vendor-unknown.io" } }\nandroid {\n    defaultConfig {\n        buildConfigField "String", "API_URL", \'"https://api.vendor-unknown.io/v1"\'\n        resValue "string", "maps_url", "https://maps.vendor-unknown.io"\n    }\n}\n';
  it.each([['app/build.gradle'], ['Assets/Plugins/Android/mainTemplate.gradle'], ['app/build.gradle.kts']])('%s: where the build goes is dev, what it writes into the app is a use', (path) => {
    const hosts = evidenceOf(path, GRADLE).filter((e) => e.host).map((e) => `${e.host}${e.dev ? ' (dev)' : ''}`);
    expect(hosts).toEqual(['maven.vendor-unknown.io (dev)', 'repo.vendor-unknown.io (dev)', 'sonar.vendor-unknown.io (dev)', 'api.vendor-unknown.io', 'maps.vendor-unknown.io']);
  });
});
