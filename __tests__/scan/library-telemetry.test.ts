// Libraries that send their maker usage telemetry by default, from the product that uses them,
// and the settings that switch it off: an opt-out anywhere in the project (but a test) keeps
// the service listed with all its evidence at low confidence, so it raises no findings.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { CATALOGUE } from '../../src/catalogue/catalogue.generated.js';
import { exampleFor } from '../helpers/regex-example.js';
import { evidenceOf } from '../helpers/extract.js';
import { renderText } from '../../src/report/text.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pl-telemetry-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const serviceOf = async (files: Record<string, string>, id: string) => (await lint(tree(files), defaultMatcher(), {})).report.services.find((s) => s.id === id);

describe('library telemetry and its opt-outs', () => {
  it.each([
    ['chroma-telemetry', { 'requirements.txt': 'chromadb==0.5.0\n' }, { '.env': 'ANONYMIZED_TELEMETRY=False\n' }, '.env:1'],
    ['chroma-telemetry', { 'app/store.py': 'import chromadb\nclient = chromadb.PersistentClient(path="db")\n' }, { 'app/settings.py': 'from chromadb.config import Settings\nSETTINGS = Settings(anonymized_telemetry=False)\n' }, 'app/settings.py:2'],
    ['streamlit-usage-stats', { 'requirements.txt': 'streamlit\n' }, { '.streamlit/config.toml': '[browser]\ngatherUsageStats = false\n' }, '.streamlit/config.toml:2'],
    ['gradio-analytics', { 'pyproject.toml': '[project]\ndependencies = ["gradio>=4"]\n' }, { 'Dockerfile': 'FROM python:3.12\nENV GRADIO_ANALYTICS_ENABLED=False\n' }, 'Dockerfile:2'],
    ['haystack-telemetry', { 'requirements.txt': 'haystack-ai\n' }, { 'docker-compose.yml': 'services:\n  api:\n    environment:\n      - HAYSTACK_TELEMETRY_ENABLED=False\n' }, 'docker-compose.yml:4'],
    ['browser-use-telemetry', { 'requirements.txt': 'browser-use\n' }, { 'agent/main.py': 'import os\nos.environ["ANONYMIZED_TELEMETRY"] = "false"\n' }, 'agent/main.py:2'],
    ['crewai-telemetry', { 'requirements.txt': 'crewai\n' }, { 'Dockerfile': 'FROM python:3.12\nENV CREWAI_DISABLE_TELEMETRY true\n' }, 'Dockerfile:2'],
    ['dbt-usage-stats', { 'requirements.txt': 'dbt-core\n' }, { 'deploy/.env.production': 'DO_NOT_TRACK=1\n' }, 'deploy/.env.production:1'],
    ['dagster-telemetry', { 'setup.py': 'setup(install_requires=["dagster"])\n' }, { 'dagster.yaml': 'telemetry:\n  enabled: false\n' }, 'dagster.yaml:1'],
  ])('%s: reported, then switched off', async (id, uses, optOut, where) => {
    const on = await serviceOf(uses, id);
    expect(on?.switchedOff).toBeUndefined();
    expect(on?.evidence.some((e) => e.confidence !== 'low')).toBe(true);
    const off = await serviceOf({ ...uses, ...optOut }, id);
    expect(off?.switchedOff && `${off.switchedOff.path}:${off.switchedOff.line}`).toBe(where);
    expect(off?.evidence.every((e) => e.confidence === 'low')).toBe(true);
  });

  it('an opt-out alone is no use of the library, and one in a test or a comment switches nothing off', async () => {
    expect(await serviceOf({ '.env': 'ANONYMIZED_TELEMETRY=False\n' }, 'chroma-telemetry')).toBeUndefined();
    const inTest = await serviceOf({ 'requirements.txt': 'chromadb\n', 'tests/conftest.py': 'import os\nos.environ["ANONYMIZED_TELEMETRY"] = "False"\n' }, 'chroma-telemetry');
    expect(inTest?.switchedOff).toBeUndefined();
    const commented = await serviceOf({ 'requirements.txt': 'chromadb\n', '.env': '# ANONYMIZED_TELEMETRY=False\n' }, 'chroma-telemetry');
    expect(commented?.switchedOff).toBeUndefined();
  });

  it('the terminal report says where the service is switched off', async () => {
    const { report } = await lint(tree({ 'requirements.txt': 'gradio\n', '.env': 'GRADIO_ANALYTICS_ENABLED=False\n' }), defaultMatcher(), {});
    expect(renderText(report, { color: false })).toContain('switched off at .env:1');
  });

  it('one opt-out that two libraries read switches off both', async () => {
    const { report } = await lint(tree({ 'requirements.txt': 'chromadb\nbrowser-use\n', '.env': 'ANONYMIZED_TELEMETRY=false\n' }), defaultMatcher(), {});
    expect(report.services.filter((s) => s.switchedOff).map((s) => s.id)).toEqual(['browser-use-telemetry', 'chroma-telemetry']);
  });

  it('an opt-out turned the other way switches nothing off', () => {
    expect(evidenceOf('.env', 'ANONYMIZED_TELEMETRY=True\nGRADIO_ANALYTICS_ENABLED=True\n').filter((e) => e.switchedOff)).toEqual([]);
  });

  it('every switched_off pattern of the catalogue finds an example of itself, as its own entry', () => {
    for (const e of CATALOGUE) {
      for (const source of e.detect.switched_off ?? []) {
        const found = evidenceOf('.env', exampleFor(source) + '\n').filter((ev) => ev.switchedOff);
        expect(found.map((ev) => ev.serviceHint), source).toContain(e.id);
      }
    }
  });
});
