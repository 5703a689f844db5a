const KEY = 'playground.autosave.v1';

export interface SavedScenario {
  text: string;
  file: string;
}

/** The working scenario survives a reload; bad or foreign data in storage is ignored. */
export function loadAutosave(): SavedScenario | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<SavedScenario>;
    return typeof v.text === 'string' && typeof v.file === 'string' ? { text: v.text, file: v.file } : null;
  } catch {
    return null;
  }
}

export function saveAutosave(s: SavedScenario): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(s));
  } catch {
    /* quota or privacy mode: autosave is best effort */
  }
}
