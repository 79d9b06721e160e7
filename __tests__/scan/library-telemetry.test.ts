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
    // Servers and data tools (Prefect, Ray, Qdrant, n8n …), by package, image or start command.
    ['great-expectations-usage-stats', { 'requirements.txt': 'great_expectations==1.3.0\n' }, { 'gx/great_expectations.yml': 'config_version: 4.0\nanalytics_enabled: false\n' }, 'gx/great_expectations.yml:2'],
    ['great-expectations-usage-stats', { 'pipeline/check.py': 'import great_expectations as gx\ncontext = gx.get_context()\n' }, { '.env': 'GX_ANALYTICS_ENABLED=False\n' }, '.env:1'],
    ['prefect-telemetry', { 'requirements.txt': 'prefect>=3\n' }, { 'docker-compose.yml': 'services:\n  server:\n    environment:\n      - PREFECT_SERVER_ANALYTICS_ENABLED=false\n' }, 'docker-compose.yml:4'],
    ['prefect-telemetry', { 'requirements.txt': 'prefect>=3\n' }, { 'prefect.toml': '[server]\nanalytics_enabled = false\n' }, 'prefect.toml:1'],
    ['ray-usage-stats', { 'k8s/raycluster.yaml': 'apiVersion: ray.io/v1\nkind: RayCluster\n' }, { 'k8s/values.yaml': 'head:\n  rayStartParams:\n    disable-usage-stats: "true"\n' }, 'k8s/values.yaml:3'],
    ['ray-usage-stats', { Dockerfile: 'FROM rayproject/ray:2.9.0\nCMD ray start --head --block\n' }, { 'deploy/.env': 'RAY_USAGE_STATS_ENABLED=0\n' }, 'deploy/.env:1'],
    ['weaviate-telemetry', { 'docker-compose.yml': 'services:\n  weaviate:\n    image: cr.weaviate.io/semitechnologies/weaviate:1.25.0\n' }, { '.env': 'DISABLE_TELEMETRY=true\n' }, '.env:1'],
    ['qdrant-telemetry', { 'docker-compose.yml': 'services:\n  qdrant:\n    image: qdrant/qdrant:v1.9.0\n' }, { 'config/production.yaml': 'log_level: INFO\ntelemetry_disabled: true\n' }, 'config/production.yaml:2'],
    ['qdrant-telemetry', { 'docker-compose.yml': 'services:\n  qdrant:\n    image: qdrant/qdrant:v1.9.0\n' }, { 'docker-compose.override.yml': 'services:\n  qdrant:\n    environment:\n      QDRANT__TELEMETRY_DISABLED: "true"\n' }, 'docker-compose.override.yml:4'],
    ['rasa-telemetry', { 'requirements.txt': 'rasa-pro==3.10\n' }, { Dockerfile: 'FROM python:3.10\nENV RASA_TELEMETRY_ENABLED=false\n' }, 'Dockerfile:2'],
    ['meltano-usage-stats', { 'requirements.txt': 'meltano\n' }, { 'meltano.yml': 'version: 1\nsend_anonymous_usage_stats: false\n' }, 'meltano.yml:2'],
    ['evidently-telemetry', { 'docker-compose.yml': 'services:\n  ui:\n    image: evidently/evidently-service:0.4.33\n' }, { 'docker-compose.override.yml': 'services:\n  ui:\n    environment:\n      - DO_NOT_TRACK=1\n' }, 'docker-compose.override.yml:4'],
    ['label-studio-telemetry', { 'requirements.txt': 'label-studio\n' }, { '.env': 'COLLECT_ANALYTICS=false\n' }, '.env:1'],
    ['n8n-telemetry', { 'package.json': '{"dependencies": {"n8n": "^1.60.0"}}\n' }, { 'k8s/deploy.yaml': 'env:\n  - name: N8N_DIAGNOSTICS_ENABLED\n    value: "false"\n' }, 'k8s/deploy.yaml:2'],
    ['airbyte-telemetry', { 'deploy/install.sh': 'abctl local install --values values.yaml\n' }, { 'deploy/values.yaml': 'global:\n  tracking:\n    strategy: logging\n' }, 'deploy/values.yaml:2'],
    ['pyairbyte-telemetry', { 'requirements.txt': 'airbyte\n' }, { '.env': 'DO_NOT_TRACK=1\n' }, '.env:1'],
    ['argilla-telemetry', { 'requirements.txt': 'argilla-server\n' }, { Dockerfile: 'FROM python:3.11\nENV HF_HUB_DISABLE_TELEMETRY=1\n' }, 'Dockerfile:2'],
    ['deepchecks-telemetry', { 'requirements.txt': 'deepchecks\n' }, { 'train/run.py': 'import os\nos.environ["DISABLE_DEEPCHECKS_ANONYMOUS_TELEMETRY"] = "True"\n' }, 'train/run.py:2'],
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

// Servers and data tools that send their maker usage data by default (Prefect, Ray, Qdrant, n8n …),
// recognised by their package, image or start command.
describe('default-on telemetry of servers and data tools', () => {
  it.each([
    // Ray and Evidently send nothing from a plain library use; Weaviate's and Qdrant's clients are no servers.
    ['requirements.txt', 'ray[default]==2.9.0\nevidently==0.4.33\nweaviate-client\nqdrant-client\n'],
    ['train.py', 'import ray\nray.init()\n'],
  ])('a library use that sends nothing is not their telemetry: %s', async (path, text) => {
    const { report } = await lint(tree({ [path]: text }), defaultMatcher(), {});
    expect(report.services.map((s) => s.id).filter((id) => /telemetry|usage-stats/.test(id))).toEqual([]);
  });
});
