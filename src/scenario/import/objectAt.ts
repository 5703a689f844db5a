import { parseAllDocuments } from 'yaml';

/** The object an imported scenario's document describes, named as `kubectl get` names it. */
export interface ImportedObject {
  kind: string;
  /** `namespace/name`, or the name alone for a cluster-scoped object or the Scenario document. */
  name: string;
}

/**
 * The object whose document in the import's written scenario holds 1-based `line`. A loader error
 * points into that written text, which the Import panel never shows: the person pasted kubectl
 * output, so the error has to name the object they pasted, not a line of a file they cannot see.
 */
export function importedObjectAt(text: string, line: number): ImportedObject | null {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return null;
    offset = next + 1;
  }
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc) || !doc.range || offset < doc.range[0] || offset >= doc.range[2]) continue;
    const js: unknown = doc.toJS();
    if (typeof js !== 'object' || js === null) return null;
    const { kind, metadata } = js as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    if (typeof kind !== 'string' || typeof metadata?.name !== 'string') return null;
    const ns = typeof metadata.namespace === 'string' ? `${metadata.namespace}/` : '';
    return { kind, name: `${ns}${metadata.name}` };
  }
  return null;
}
