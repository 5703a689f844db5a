import { create } from 'zustand';
import type { ScenarioError } from '../../scenario/errors';

/** The editor's text and its last check, kept outside the (lazy, unmountable) editor. */
interface YamlDraftState {
  /** Text being edited, or null to show the running scenario's text. */
  draft: string | null;
  errors: ScenarioError[];
  message: string | null;
  setDraft(text: string | null): void;
  setResult(errors: ScenarioError[], message: string | null): void;
}

export const useYamlDraft = create<YamlDraftState>((set) => ({
  draft: null,
  errors: [],
  message: null,
  setDraft: (draft) => set({ draft }),
  setResult: (errors, message) => set({ errors, message }),
}));

/** Line/column (1-based) → document offset, clamped into the document. */
export function offsetOf(text: string, line: number, col: number): number {
  let offset = 0;
  let current = 1;
  while (current < line) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
    current++;
  }
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return Math.min(offset + Math.max(0, col - 1), end);
}
