import type { Command, ManifestDoc } from '../../sim/core/commands';

export interface ParseOptions {
  /** What `-f -` reads: a manifest stream as YAML text, or documents already parsed. */
  stdin?: string | ManifestDoc[];
}

/** `commands` holds every command the line stands for (`kubectl scale … a b`); `command` is the first. */
export type ParseResult = { ok: true; command: Command; commands: Command[] } | { ok: false; error: string };

export function ok(...commands: Command[]): ParseResult {
  return { ok: true, command: commands[0], commands };
}

export function fail(error: string): ParseResult {
  return { ok: false, error };
}
