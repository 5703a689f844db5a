import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../lessons/types';
import { formatMessage, type Message } from '../sim/core/message';

/** The app's templates for one language (src/ui/i18n/locales/<lang>/*.json), for the engine's messages. */
export function renderer(language: Lang): (m: Message) => string {
  const dir = join(import.meta.dirname, '..', 'ui', 'i18n', 'locales', language);
  const trees = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>);
  const lookup = (key: string): string | undefined => {
    for (const tree of trees) {
      let node: unknown = tree;
      for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
      if (typeof node === 'string') return node;
    }
    return undefined;
  };
  return (m) => formatMessage(m, lookup);
}
