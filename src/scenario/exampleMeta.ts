import { parseAllDocuments } from 'yaml';

/** A title or description in both languages (a Scenario's metadata.title / metadata.description). */
export interface LocalizedText {
  en: string;
  ko: string;
}

export interface ScenarioMeta {
  name?: string;
  title?: LocalizedText;
  description?: LocalizedText;
}

function localized(v: unknown): LocalizedText | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const { en, ko } = v as { en?: unknown; ko?: unknown };
  return typeof en === 'string' && typeof ko === 'string' && en.trim() !== '' && ko.trim() !== '' ? { en, ko } : undefined;
}

/**
 * The Scenario document's name, title and description, read without validating the rest of the
 * file (the picker lists examples before any of them is loaded). Never throws.
 */
export function scenarioMeta(text: string): ScenarioMeta {
  try {
    const docs = parseAllDocuments(text);
    if (!Array.isArray(docs)) return {};
    for (const doc of docs) {
      if (doc.errors.length > 0) continue;
      const v = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown; title?: unknown; description?: unknown } } | null;
      if (v?.kind !== 'Scenario') continue;
      const meta: ScenarioMeta = {};
      if (typeof v.metadata?.name === 'string') meta.name = v.metadata.name;
      const title = localized(v.metadata?.title);
      const description = localized(v.metadata?.description);
      if (title) meta.title = title;
      if (description) meta.description = description;
      return meta;
    }
  } catch {
    /* an unreadable file has no metadata to show */
  }
  return {};
}
