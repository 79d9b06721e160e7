// Servers and libraries that send their maker usage data by default (Prefect, Ray, Qdrant, n8n …),
// recognised by their package, image or start command, and switched off by the settings their
// docs give, wherever the project sets them (.env, Compose, a Kubernetes env list, a Dockerfile).
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pl-telemetry-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const serviceOf = async (files: Record<string, string>, id: string) => (await lint(tree(files), defaultMatcher(), {})).report.services.find((s) => s.id === id);

describe('default-on telemetry of servers and data tools', () => {
  it.each([
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

  it.each([
    // Ray and Evidently send nothing from a plain library use; Weaviate's and Qdrant's clients are no servers.
    ['requirements.txt', 'ray[default]==2.9.0\nevidently==0.4.33\nweaviate-client\nqdrant-client\n'],
    ['train.py', 'import ray\nray.init()\n'],
  ])('a library use that sends nothing is not their telemetry: %s', async (path, text) => {
    const { report } = await lint(tree({ [path]: text }), defaultMatcher(), {});
    expect(report.services.map((s) => s.id).filter((id) => /telemetry|usage-stats/.test(id))).toEqual([]);
  });
});

describe('log and metrics shippers name the service they ship to', () => {
  it.each([
    ['fluent-bit.conf', '[OUTPUT]\n    Name        datadog\n    Match       *\n    apikey      ${DD_API_KEY}\n', 'datadog'],
    ['fluent-bit.yaml', 'pipeline:\n  outputs:\n    - name: nrlogs\n      match: "*"\n', 'new-relic'],
    ['fluent-bit.conf', '[OUTPUT]\n    Name newrelic\n    Match *\n    licenseKey ${NEW_RELIC_LICENSE_KEY}\n', 'new-relic'],
    ['fluent-bit.conf', '[OUTPUT]\n    Name cloudwatch_logs\n    Match *\n    region eu-west-1\n', 'aws'],
    ['td-agent.conf', '<match app.**>\n  @type logzio_buffered\n  endpoint_url https://listener.logz.io:8071?token=x\n</match>\n', 'logz-io'],
    ['fluentd.conf', '<match **>\n  @type google_cloud\n</match>\n', 'google-cloud'],
    ['vector.toml', '[sinks.dd]\ntype = "datadog_logs"\ninputs = ["app"]\n', 'datadog'],
    ['vector.yaml', 'sinks:\n  cw:\n    type: aws_cloudwatch_logs\n    inputs: [app]\n', 'aws'],
    ['otel-collector.yaml', 'exporters:\n  splunk_hec:\n    token: "${SPLUNK_TOKEN}"\n', 'splunk'],
    ['otel-collector.yaml', 'exporters:\n  azuremonitor:\n\nservice:\n  pipelines: {}\n', 'microsoft-azure'],
    ['logstash.conf', 'output {\n  datadog_logs {\n    api_key => "${DD_API_KEY}"\n  }\n}\n', 'datadog'],
    ['telegraf.conf', '[[outputs.sumologic]]\n  url = "${SUMO_URL}"\n', 'sumo-logic'],
  ])('%s names %s', async (path, text, id) => {
    const { report } = await lint(tree({ [path]: text }), defaultMatcher(), {});
    expect(report.services.map((s) => s.id)).toContain(id);
  });

  it.each([
    // A Helm chart's dependency and a Kubernetes object named for the vendor ship nothing.
    ['Chart.yaml', 'dependencies:\n  - name: datadog\n    version: 3.1.0\n'],
    ['k8s/service.yaml', 'kind: Service\nmetadata:\n  name: datadog\nspec: {}\n'],
    // Fluent Bit's splunk input receives, it does not send.
    ['fluent-bit.conf', '[INPUT]\n    Name splunk\n    Listen 0.0.0.0\n'],
  ])('nothing in %s', async (path, text) => {
    const { report } = await lint(tree({ [path]: text }), defaultMatcher(), {});
    expect(report.services.map((s) => s.id)).toEqual([]);
  });
});
