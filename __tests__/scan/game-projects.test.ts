// Games reach services from engine files the web's scanners pass over: Godot's GDScript, Defold's
// game.project, Unity's package manifest (see manifests.test.ts).
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
