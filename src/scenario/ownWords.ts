import type { Message } from '../sim/core/message';

/**
 * Fixed messages the schemas give zod checks in the playground's own words (`.max(n, message)`),
 * registered with their Message so that issuesToProblems can attach it: zod keeps only the text.
 * The set is small and fixed (one entry per schema field that says it), never per input.
 */
const registered = new Map<string, Message>();

/** Register `english` as the playground's own words for `m`; returns `english` for the schema. */
export function ownWords(english: string, m: Message): string {
  registered.set(english, m);
  return english;
}

export function ownWordsFor(english: string): Message | undefined {
  return registered.get(english);
}
