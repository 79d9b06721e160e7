import type { KnownEntity } from '../model.js';

/** "Conversant (Epsilon), Advertising": who third-party-web says an unclassified host belongs to. */
export function knownLabel(k: KnownEntity): string {
  return `${k.company ? `${k.name} (${k.company})` : k.name}, ${k.categoryTitle}`;
}
