// Games and Android apps reach services from build files the web's scanners pass over: Godot's GDScript, Defold's
// game.project, Unity's package manifest (see manifests.test.ts), a Gradle build's app settings.
import { describe, it, expect } from 'vitest';
import { evidenceOf, servicesOf, unclassifiedOf } from '../helpers/extract.js';

describe('game projects', () => {
  it.each([
    // Godot's GDScript talks to services over HTTP; Defold's project file and Unreal's ini switch them on.
    ['scripts/FirestoreManager.gd', 'extends Node\nconst BASE = "https://firestore.googleapis.com/v1/projects/%s/databases/(default)/documents"\nfunc save(doc):\n\t$HTTPRequest.request(BASE % project_id)\n', ['firestore.googleapis.com']],
    ['game.project', '[project]\ntitle = Flappy\n\n[analytics]\nendpoint = https://collect.vendor-unknown.io/v1\n', ['collect.vendor-unknown.io']],
  ])('%s reads %j', (path, text, expected) => {
    expect(evidenceOf(path, text).filter((e) => e.host).map((e) => e.host)).toEqual(expected);
  });
});

describe("Unity's services settings (ProjectSettings/UnityConnectSettings.asset)", () => {
  // Written by the editor with every service's section, switched on or not, and their event URLs.
  const settings = (crash: number, analytics: number, ads: number, performance: number, eol = '\n'): string =>
    [
      '%YAML 1.1', '%TAG !u! tag:unity3d.com,2011:', '--- !u!310 &1', 'UnityConnectSettings:', '  m_ObjectHideFlags: 0', '  serializedVersion: 1', '  m_Enabled: 1',
      '  m_EventOldUrl: https://api.uca.cloud.unity3d.com/v1/events', '  m_EventUrl: https://cdp.cloud.unity3d.com/v1/events', '  m_ConfigUrl: https://config.uca.cloud.unity3d.com',
      '  CrashReportingSettings:', '    m_EventUrl: https://perf-events.cloud.unity3d.com', `    m_Enabled: ${crash}`, '    m_LogBufferSize: 10',
      '  UnityPurchasingSettings:', '    m_Enabled: 0', '  UnityAnalyticsSettings:', `    m_Enabled: ${analytics}`, '    m_InitializeOnStartup: 1',
      '  UnityAdsSettings:', `    m_Enabled: ${ads}`, '    m_InitializeOnStartup: 1', '    m_GameId: 3842263', '  PerformanceReportingSettings:', `    m_Enabled: ${performance}`, '',
    ].join(eol);
  const path = 'ProjectSettings/UnityConnectSettings.asset';

  it.each([
    [[0, 0, 0, 0], []],
    [[1, 0, 0, 0], ['unity-gaming-services']],
    [[0, 1, 0, 0], ['unity-gaming-services']],
    [[0, 0, 0, 1], ['unity-gaming-services']],
    [[0, 0, 1, 0], ['unity-ads']],
    [[1, 0, 1, 0], ['unity-ads', 'unity-gaming-services']],
  ] as [number[], string[]][])('switches %j (crash reports, analytics, ads, performance) → %j', ([crash, analytics, ads, performance], expected) => {
    expect(servicesOf(path, settings(crash!, analytics!, ads!, performance!)).sort()).toEqual(expected);
    expect(servicesOf(path, settings(crash!, analytics!, ads!, performance!, '\r\n')).sort()).toEqual(expected);
  });

  it('names no host: the URLs are there whether or not a service is on', () => {
    expect(unclassifiedOf(path, settings(0, 0, 0, 0))).toEqual([]);
    expect(evidenceOf(path, settings(1, 1, 1, 1)).filter((e) => e.host)).toEqual([]);
  });

  it("reports each service on its section's line", () => {
    const lines = evidenceOf(path, settings(0, 0, 1, 0)).map((e) => e.line);
    expect(lines).toEqual([20]);
  });
});

describe('Gradle builds', () => {
  const GRADLE = 'repositories {\n    maven { url "https://maven.vendor-unknown.io" }\n    maven(url = "https://repo.vendor-unknown.io")\n}\nsonar { properties { property "sonar.host.url", "https://sonar.vendor-unknown.io" } }\nandroid {\n    defaultConfig {\n        buildConfigField "String", "API_URL", \'"https://api.vendor-unknown.io/v1"\'\n        resValue "string", "maps_url", "https://maps.vendor-unknown.io"\n    }\n}\n';
  it.each([['app/build.gradle'], ['Assets/Plugins/Android/mainTemplate.gradle'], ['app/build.gradle.kts']])('%s: where the build goes is dev, what it writes into the app is a use', (path) => {
    const hosts = evidenceOf(path, GRADLE).filter((e) => e.host).map((e) => `${e.host}${e.dev ? ' (dev)' : ''}`);
    expect(hosts).toEqual(['maven.vendor-unknown.io (dev)', 'repo.vendor-unknown.io (dev)', 'sonar.vendor-unknown.io (dev)', 'api.vendor-unknown.io', 'maps.vendor-unknown.io']);
  });
});
