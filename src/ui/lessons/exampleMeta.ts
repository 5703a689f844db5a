import { parseAllDocuments } from 'yaml';
import type { Lang } from '../../lessons/types';

export interface ExampleMeta {
  title: string;
  description: string;
}

type Localized = string | Partial<Record<Lang, string>> | undefined;

function pick(v: Localized, lang: Lang): string {
  if (typeof v === 'string') return v;
  return v?.[lang] ?? v?.en ?? '';
}

/**
 * An example's title and one-line description, in the reader's language, from its Scenario
 * document's metadata (`title`/`description`: a string or {en, ko}). The id stands in for a
 * missing title, so the list never shows a blank line.
 */
export function exampleMeta(id: string, text: string, lang: Lang): ExampleMeta {
  try {
    for (const doc of parseAllDocuments(text)) {
      if (!('get' in doc) || doc.get('kind') !== 'Scenario') continue;
      const md = (doc.toJS() as { metadata?: { title?: Localized; description?: Localized } } | null)?.metadata;
      return { title: pick(md?.title, lang) || id, description: pick(md?.description, lang) };
    }
  } catch {
    /* an unreadable example shows its id; opening it reports the errors */
  }
  return { title: id, description: '' };
}
