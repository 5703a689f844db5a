/**
 * A sentence the engine wants a person to read, as a translation key and its parameters. The
 * engine never assembles display sentences in English; the UI looks the key up in
 * src/ui/i18n/locales/<lang>/engine.json (i18next, `{{name}}` interpolation) and renders it.
 *
 * Parameters are plain data so that worlds, traces and checkpoints serialise and compare bit for
 * bit: numbers, strings that need no translation (object names, quantities such as "156m", real
 * Kubernetes reasons), or a nested Message (a clause translated on its own, e.g. why a node cannot
 * be removed), or a list of clauses. Real kubectl/controller output (events' Kubernetes messages, logs) stays plain
 * English strings and never goes through this type.
 */
export interface Message {
  /** Full i18next key, e.g. "engine.hpa.desired". */
  key: string;
  params?: Record<string, MessageParam>;
}

/** A list of messages renders as its items joined with ", " (the same in English and Korean). */
export type MessageParam = string | number | Message | Message[];

export const LIST_SEPARATOR = ', ';

export function msg(key: string, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

export function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && typeof (v as Message).key === 'string';
}

/**
 * Render with a lookup of key → template; `{{name}}` is replaced by the parameter, nested messages
 * first. Used by tests and headless tools with the English file; the UI uses i18next, which reads the
 * same templates. A missing key renders as the key itself, as i18next does.
 */
export function formatMessage(m: Message, lookup: (key: string) => string | undefined): string {
  const template = lookup(m.key) ?? m.key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const v = m.params?.[name];
    if (v === undefined) return whole;
    if (Array.isArray(v)) return v.map((x) => formatMessage(x, lookup)).join(LIST_SEPARATOR);
    return isMessage(v) ? formatMessage(v, lookup) : String(v);
  });
}

/** Every key a message uses, nested ones included (for the key-existence test). */
export function messageKeys(m: Message): string[] {
  const nested = Object.values(m.params ?? {}).flatMap((v) => (Array.isArray(v) ? v.flatMap(messageKeys) : isMessage(v) ? messageKeys(v) : []));
  return [m.key, ...nested];
}
