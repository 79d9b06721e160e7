// Log, metrics and trace shippers (Fluent Bit, Fluentd, Vector, the OpenTelemetry Collector,
// Logstash, Telegraf) name the service they ship to by a plugin, sink or exporter name, with no
// host in the file; a Helm dependency or a Kubernetes object named for the vendor ships nothing.
import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

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
  ])('%s names %s', (path, text, id) => {
    expect(servicesOf(path, text)).toContain(id);
  });

  it.each([
    // A Helm chart's dependency and a Kubernetes object named for the vendor ship nothing.
    ['Chart.yaml', 'dependencies:\n  - name: datadog\n    version: 3.1.0\n'],
    ['k8s/service.yaml', 'kind: Service\nmetadata:\n  name: datadog\nspec: {}\n'],
    // Fluent Bit's splunk input receives, it does not send.
    ['fluent-bit.conf', '[INPUT]\n    Name splunk\n    Listen 0.0.0.0\n'],
  ])('nothing in %s', (path, text) => {
    expect(servicesOf(path, text)).toEqual([]);
  });
});
