/**
 * What a reload must not lose (issue #12 item 9): the console's typed lines and an unapplied
 * YAML edit, in localStorage, per scenario (by name), bounded in size and number of
 * scenarios. Best effort: storage may be full or off (private mode), and bad data is ignored.
 */
const HISTORY_KEY = 'playground.consoleHistory.v1';
const DRAFT_KEY = 'playground.yamlDraft.v1';
/** Lines kept per scenario, characters per line, scenarios kept (least recently used dropped). */
export const HISTORY_LINES = 100;
export const LINE_CHARS = 2000;
export const DRAFT_CHARS = 512 * 1024;
export const SCOPES = 8;

type Store<T> = { scope: string; value: T; at: number }[];

function read<T>(key: string): Store<T> {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    const v = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(v) ? (v.filter((e) => e && typeof e === 'object' && typeof (e as { scope?: unknown }).scope === 'string') as Store<T>) : [];
  } catch {
    return [];
  }
}

function write<T>(key: string, entries: Store<T>): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(entries.sort((a, b) => b.at - a.at).slice(0, SCOPES)));
  } catch {
    /* quota or privacy mode */
  }
}

let clock = 0;
/** Strictly increasing, so the least recently used scenario is the one dropped even within one millisecond. */
const stamp = () => (clock = Math.max(Date.now(), clock + 1));

/** By scenario name: the same scenario opened from its example, a link or a reload shares it. */
export function scopeOf(name: string): string {
  return name || '(unnamed)';
}

export function loadHistory(scope: string): string[] {
  const e = read<unknown>(HISTORY_KEY).find((x) => x.scope === scope);
  return Array.isArray(e?.value) ? e.value.filter((l): l is string => typeof l === 'string') : [];
}

export function rememberLine(scope: string, line: string): void {
  const text = line.trim().slice(0, LINE_CHARS);
  if (!text) return;
  const entries = read<string[]>(HISTORY_KEY).filter((x) => x.scope !== scope);
  const lines = loadHistory(scope).filter((l) => l !== text);
  lines.push(text);
  entries.push({ scope, value: lines.slice(-HISTORY_LINES), at: stamp() });
  write(HISTORY_KEY, entries);
}

export function loadDraft(scope: string): string | null {
  const e = read<unknown>(DRAFT_KEY).find((x) => x.scope === scope);
  return typeof e?.value === 'string' ? e.value : null;
}

/** Save (or, with null, forget) the unapplied edit; a draft too large to keep is not kept. */
export function saveDraft(scope: string, text: string | null): void {
  const entries = read<string>(DRAFT_KEY).filter((x) => x.scope !== scope);
  if (text !== null && text.length <= DRAFT_CHARS) entries.push({ scope, value: text, at: stamp() });
  write(DRAFT_KEY, entries);
}
