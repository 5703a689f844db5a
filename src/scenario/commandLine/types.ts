import type { Command, ManifestDoc } from '../../sim/core/commands';
import type { Message } from '../../sim/core/message';

export interface ParseOptions {
  /** What `-f -` reads: a manifest stream as YAML text, or documents already parsed. */
  stdin?: string | ManifestDoc[];
}

/**
 * `commands` holds every command the line stands for (`kubectl scale … a b`); `command` is the first.
 * A failure's `error` is the text as a terminal prints it (English: logs, the CLI, lessons); `msg`,
 * when present, is the same text as a Message for the console to show in the reader's language.
 * Only the playground's own words have one: errors that imitate kubectl, aws or krr stay English.
 */
export type ParseResult = { ok: true; command: Command; commands: Command[] } | { ok: false; error: string; msg?: Message };

export function ok(...commands: Command[]): ParseResult {
  return { ok: true, command: commands[0], commands };
}

/** `english` must equal the English rendering of `m` (src/scenario/commandLine/messages.test.ts checks). */
export function fail(english: string, m?: Message): ParseResult {
  return m ? { ok: false, error: english, msg: m } : { ok: false, error: english };
}
