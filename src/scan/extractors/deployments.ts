// What a deployment runs: the container images a Compose file, a Kubernetes manifest, a GitHub
// Actions job, an ECS task definition, a Nomad job or a Dockerfile names, and the vendors' charts
// a Helm chart depends on. A vendor's agent or collector image (datadog/agent,
// newrelic/infrastructure, cloudflare/cloudflared) sends the host's and the app's data to the
// vendor wherever it runs, as its SDK would: each image is a dependency of the `docker`
// ecosystem, and the catalogue decides which are vendors' (an image no entry names is dropped
// with the other unclaimed dependencies). These files are not manifests for a pull request's
// scan (isManifestPath): an image is read where its file changed.
import type { ExtractContext } from '../context.js';
import { urlFrom } from '../urls.js';
import { lineStartsForward } from '../source-file.js';

// `image: datadog/agent:7` (YAML, list item or not), `"image": "…"` (JSON), `image = "…"` (HCL),
// and Compose's default of a variable (`image: ${DD_IMAGE:-gcr.io/datadoghq/agent:7}`). The key
// must begin its line or follow `{`, `,` or a space, so `base_image:` is another key.
const IMAGE_VALUE = /(?:^|[\s{,])["']?image["']?[ \t]*[:=][ \t]*["']?(?:\$\{\w{1,100}:?-)?([A-Za-z0-9][\w.\/:@-]{0,255})/gim;
// A chart's values.yaml splits it: `image:` then, indented under it, `repository: datadog/agent`.
const IMAGE_REPOSITORY = /^([ \t]*)image[ \t]*:[ \t]*(?:#[^\n]*)?\r?\n(?:\1[ \t]+[^\n]*\r?\n){0,8}?\1[ \t]+["']?repository["']?[ \t]*:[ \t]*["']?([A-Za-z0-9][\w.\/-]{0,255})/gm;
// A Dockerfile's base image, and the images it copies files from.
const FROM_LINE = /^[ \t]*FROM[ \t]+(?:--[\w-]+=\S+[ \t]+)*([A-Za-z0-9][\w.\/:@-]{0,255})/gim;
const COPY_FROM = /^[ \t]*COPY[ \t]+(?:--[\w-]+=\S+[ \t]+)*?--from=["']?([A-Za-z0-9][\w.\/:@-]{0,255})/gim;

/**
 * The repository of an image reference, as the catalogue names it: lower case, without tag or
 * digest, and without Docker Hub's own registry names (`docker.io/library/…`). Only a name with
 * an organisation (a `/`) is one: a bare name is an official library image or a build stage.
 */
export function imageRepository(ref: string): string | null {
  if (ref.includes('://')) return null;
  let name = ref.toLowerCase().replace(/@.*$/, '');
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  // A colon after the last slash starts the tag; one before it is a registry's port.
  if (colon > slash) name = name.slice(0, colon);
  name = name.replace(/^(?:(?:index|registry-1)\.docker\.io|docker\.io|registry\.hub\.docker\.com)\//, '').replace(/^library\//, '');
  return name.includes('/') && !name.endsWith('/') ? name : null;
}

/** Adds each container image the text names, as a dependency of the `docker` ecosystem. */
export function extractContainerImages(ctx: ExtractContext, dockerfile = false): void {
  const text = ctx.text;
  const patterns = dockerfile ? [FROM_LINE, COPY_FROM] : text.includes('image') ? [IMAGE_VALUE, IMAGE_REPOSITORY] : [];
  for (const pattern of patterns) {
    const lineStartOfKey = lineStartsForward(text);
    for (const m of text.matchAll(pattern)) {
      // (A match may begin with the line break before its key.)
      const key = m.index! + m[0].search(/\S/);
      const lineStart = lineStartOfKey(key);
      // A commented-out line (`# image: …`, `// image = …`) runs nothing.
      if (/(?:^|\s)(?:#|\/\/)/.test(text.slice(lineStart, Math.min(key, lineStart + 200)))) continue;
      const ref = m[m.length - 1]!;
      const name = imageRepository(ref);
      if (name) ctx.add('dependency', m.index! + m[0].lastIndexOf(ref), ref, 'high', { ecosystem: 'docker', package: name, dev: ctx.isTestFile || undefined });
    }
  }
}

// A Helm chart's dependencies (Chart.yaml, or requirements.yaml before Helm 3) come from chart
// repositories: `repository: https://helm.datadoghq.com` installs Datadog's agent. Most charts
// come from shared repositories (Bitnami's, a project's own GitHub Pages): only a repository the
// catalogue knows the host of names a vendor, and any other is left unreported.
const CHART_REPOSITORY = /^[ \t]*(?:-[ \t]+)?repository[ \t]*:[ \t]*["']?(https?:\/\/[^\s"'#]{1,500})/gm;

/** The vendors' chart repositories a Helm chart's dependencies are installed from. */
export function extractChartDependencies(ctx: ExtractContext): void {
  for (const m of ctx.text.matchAll(CHART_REPOSITORY)) {
    const url = urlFrom(m[1]!, m[1]!.indexOf('//'));
    if (url && ctx.detectors.knownHost(url.host, url.path)) ctx.add('dependency', m.index! + m[0].lastIndexOf(m[1]!), m[1]!, 'high', { host: url.host, urlPath: url.path, dev: ctx.isTestFile || undefined });
  }
}
