// A deployment that runs a vendor's agent sends the vendor its data as an SDK would: the images
// of Compose files, Kubernetes manifests, ECS task definitions, Nomad jobs and Dockerfiles, and
// the vendors' chart repositories a Helm chart depends on.
import { describe, it, expect } from 'vitest';
import { evidenceOf, servicesOf, unclassifiedOf } from '../helpers/extract.js';
import { imageRepository } from '../../src/scan/extractors/deployments.js';

describe('the repository an image reference names', () => {
  it.each([
    ['datadog/agent:7', 'datadog/agent'],
    ['gcr.io/datadoghq/agent:7.50.0', 'gcr.io/datadoghq/agent'],
    ['docker.io/datadog/agent@sha256:0123abcd', 'datadog/agent'],
    ['index.docker.io/newrelic/infrastructure:latest', 'newrelic/infrastructure'],
    ['Cloudflare/Cloudflared', 'cloudflare/cloudflared'],
    // A registry's port is not a tag.
    ['registry.local:5000/team/app:1.2', 'registry.local:5000/team/app'],
    // Official library images and build stages have no organisation.
    ['node:20-alpine', null],
    ['docker.io/library/redis:7', null],
    ['builder', null],
    ['https://cdn.example.com/logo.png', null],
  ])('%s → %s', (ref, expected) => {
    expect(imageRepository(ref)).toBe(expected);
  });
});

describe('container images a deployment runs', () => {
  it.each([
    ['docker-compose.yml', 'services:\n  web:\n    image: acme/web:1\n  datadog:\n    image: gcr.io/datadoghq/agent:7\n', 'datadog', 5],
    ['compose.yaml', 'services:\n  tunnel:\n    image: "cloudflare/cloudflared:latest"\n    command: tunnel run\n', 'cloudflare', 3],
    // A variable's default names the image.
    ['docker-compose.yml', 'services:\n  agent:\n    image: ${DD_AGENT_IMAGE:-gcr.io/datadoghq/agent:7}\n', 'datadog', 3],
    ['k8s/daemonset.yaml', 'spec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          image: datadog/agent:7.50.0\n', 'datadog', 6],
    ['task-definition.json', '{"containerDefinitions": [{"name": "app", "image": "acme/app"}, {"name": "nr", "image": "newrelic/infrastructure:latest"}]}', 'new-relic', 1],
    ['main.tf', 'resource "aws_ecs_task_definition" "x" {\n  container_definitions = jsonencode([{\n    name  = "datadog-agent"\n    image = "public.ecr.aws/datadog/agent:latest"\n  }])\n}\n', 'datadog', 4],
    ['jobs/agent.nomad', 'job "agent" {\n  task "dd" {\n    driver = "docker"\n    config {\n      image = "datadog/agent:7"\n    }\n  }\n}\n', 'datadog', 5],
    // A chart's values split the image into its repository and tag.
    ['values.yaml', 'agent:\n  image:\n    # the agent\n    repository: datadog/agent\n    tag: 7\n', 'datadog', 4],
    ['Dockerfile', 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=datadog/serverless-init:1 /datadog-init /app/datadog-init\nENTRYPOINT ["/app/datadog-init"]\n', 'datadog', 4],
    ['Dockerfile', 'FROM --platform=linux/amd64 newrelic/infrastructure:latest\nADD newrelic-infra.yml /etc/newrelic-infra.yml\n', 'new-relic', 1],
  ])('%s runs %s (line %i)', (path, text, id, line) => {
    expect(servicesOf(path, text)).toContain(id);
    const images = evidenceOf(path, text).filter((e) => e.ecosystem === 'docker');
    expect(images.map((e) => e.line)).toContain(line);
    // What the image runs is production, not a build step.
    expect(images.every((e) => !e.dev)).toBe(true);
  });

  it.each([
    // Images no entry names, and a name that is not an image.
    ['docker-compose.yml', 'services:\n  db:\n    image: postgres:16\n  cache:\n    image: bitnami/redis:7\n'],
    ['package.json', '{"name": "x", "image": "images/logo.png"}'],
    // Commented out, or another key that ends in image.
    ['docker-compose.yml', 'services:\n  web:\n    image: acme/web\n  # datadog:\n  #   image: datadog/agent:7\n'],
    ['k8s/pod.yaml', 'spec:\n  containers:\n    - name: web\n      image: acme/web  # was datadog/agent before\n      base_image: datadog/agent\n'],
    // A build stage copied from is no image.
    ['Dockerfile', 'FROM golang:1.22 AS datadog\nRUN go build\nFROM alpine\nCOPY --from=datadog /bin/app /app\n'],
  ])('nothing in %s', (path, text) => {
    expect(servicesOf(path, text)).toEqual([]);
  });
});

describe("a Helm chart's dependencies", () => {
  const chart = (repository: string): string => `apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: agent\n    version: 3.x.x\n    repository: ${repository}\n`;

  it.each([
    ['https://helm.datadoghq.com', 'datadog'],
    ['"https://helm-charts.newrelic.com"', 'new-relic'],
  ])('from %s installs %s', (repository, id) => {
    expect(servicesOf('charts/app/Chart.yaml', chart(repository))).toEqual([id]);
    expect(evidenceOf('charts/app/Chart.yaml', chart(repository)).find((e) => e.host)?.line).toBe(7);
  });

  it('from a shared chart repository names no one, and reports no host', () => {
    const text = chart('https://charts.bitnami.com/bitnami');
    expect(servicesOf('Chart.yaml', text)).toEqual([]);
    expect(unclassifiedOf('Chart.yaml', text)).toEqual([]);
  });

  it('of Helm 2 (requirements.yaml) are read alike', () => {
    expect(servicesOf('requirements.yaml', 'dependencies:\n- name: datadog\n  repository: https://helm.datadoghq.com\n')).toEqual(['datadog']);
  });
});
