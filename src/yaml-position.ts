// Positions of YAML nodes, so that schema errors name the line a person must edit.
import { isMap, isSeq, type Node as YamlNode } from 'yaml';

/** Where an ajv error points: for an unknown property, the property itself rather than its parent. */
export function errorPointer(err: { instancePath: string; keyword: string; params: unknown }): string {
  if (err.keyword === 'additionalProperties') return `${err.instancePath}/${(err.params as { additionalProperty: string }).additionalProperty}`;
  return err.instancePath;
}

/** The YAML node at a JSON pointer (/vendors/stripe/dpa), or the deepest ancestor that exists. */
export function nodeAt(root: YamlNode | null, pointer: string): YamlNode | null {
  let node: YamlNode | null = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) return node;
      node = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (isSeq(node)) {
      const item = node.items[Number(key)] as YamlNode | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}
