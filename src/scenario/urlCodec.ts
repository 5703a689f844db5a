import LZString from 'lz-string';
import { msg, type Message } from '../sim/core/message';
import { stringify } from 'yaml';
import { z } from 'zod';
import './zodConfig';
import type { TimedCommand } from '../sim/core/commands';
import { parseCommandLine } from './commandLine';

/** One command of the log as the person typed it; `stdin` holds the manifest of `kubectl apply -f -`. */
export interface CommandLogEntry {
  atMs: number;
  input: string;
  stdin?: string;
}

export interface ShareState {
  scenario: string;
  seed: number;
  commands: CommandLogEntry[];
}

/** `rejected`: the log's commands that do not parse or validate, each with why; the rest still replays. */
export type DecodeResult =
  | { ok: true; state: ShareState; timeline: TimedCommand[]; rejected: string[]; rejectedMsgs: Message[] }
  | { ok: false; error: string; msg: Message };

/** Why a link cannot be read: English for logs and the CLI, and the same as a message the UI translates. */
function failure(error: string, m: Message): { ok: false; error: string; msg: Message } {
  return { ok: false, error, msg: m };
}

const HASH_KEY = 's';
const FORMAT_VERSION = 1;

const payloadSchema = z.strictObject({
  v: z.literal(FORMAT_VERSION),
  y: z.string(),
  seed: z.number().int().min(0),
  c: z.array(z.union([z.tuple([z.number().int().min(0), z.string()]), z.tuple([z.number().int().min(0), z.string(), z.string()])])),
});

/** The log entry a timed command came from; apply commands carry their manifests as YAML. */
export function logEntryOf(c: TimedCommand): CommandLogEntry {
  if (c.command.type === 'apply') {
    return { atMs: c.atMs, input: c.input, stdin: c.command.manifests.map((m) => stringify(m)).join('---\n') };
  }
  return { atMs: c.atMs, input: c.input };
}

/**
 * "#s=…": the scenario text, seed and command log, compressed so that a run fits in a link.
 * Commands that came from one line (`kubectl scale … a b`) are logged once.
 */
export function encodeShareHash(state: { scenario: string; seed: number; commands: readonly (TimedCommand | CommandLogEntry)[] }): string {
  const entries = state.commands.map((c) => ('command' in c ? logEntryOf(c) : c));
  const deduped = entries.filter((e, i) => i === 0 || !(entries[i - 1].atMs === e.atMs && entries[i - 1].input === e.input && entries[i - 1].stdin === e.stdin));
  const payload = {
    v: FORMAT_VERSION,
    y: state.scenario,
    seed: state.seed,
    c: deduped.map((e) => (e.stdin === undefined ? [e.atMs, e.input] : [e.atMs, e.input, e.stdin])),
  };
  return `#${HASH_KEY}=${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

function payloadText(input: string): string | undefined {
  const hashAt = input.indexOf('#');
  const hash = hashAt >= 0 ? input.slice(hashAt + 1) : input;
  for (const part of hash.split('&')) {
    if (part.startsWith(`${HASH_KEY}=`)) return part.slice(HASH_KEY.length + 1);
  }
  return undefined;
}

/** A share link, its hash, or the bare "s=…" → the state, or why it cannot be read. Never throws. */
export function decodeShareHash(input: string): DecodeResult {
  try {
    const text = payloadText(input.trim());
    if (text === undefined || text === '') return failure('the link has no scenario in it (expected #s=… after the address)', msg('link.noScenario'));
    const json = LZString.decompressFromEncodedURIComponent(text);
    if (!json) return failure('the share link is damaged: its data does not decompress (was it cut short when copied?)', msg('link.notDecompressed'));
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      return failure('the share link is damaged: its data is not readable', msg('link.notReadable'));
    }
    const parsed = payloadSchema.safeParse(raw);
    if (!parsed.success) {
      const version = (raw as { v?: unknown } | null)?.v;
      if (typeof version === 'number' && version !== FORMAT_VERSION) return failure(`the share link was made by a newer format (version ${version}); this playground reads version ${FORMAT_VERSION}`, msg('link.newerFormat', { version, reads: FORMAT_VERSION }));
      return failure('the share link is damaged: it does not hold a scenario, seed and command log', msg('link.noRun'));
    }
    const commands: CommandLogEntry[] = parsed.data.c.map(([atMs, input, stdin]) => (stdin === undefined ? { atMs, input } : { atMs, input, stdin }));
    const timeline: TimedCommand[] = [];
    const rejected: string[] = [];
    const rejectedMsgs: Message[] = [];
    const kept: CommandLogEntry[] = [];
    commands.forEach((e, i) => {
      const r = parseCommandLine(e.input, e.stdin === undefined ? {} : { stdin: e.stdin });
      if (!r.ok) {
        const shown = e.input.length > 80 ? `${e.input.slice(0, 80)}…` : e.input;
        const error = r.error.split('\n')[0];
        rejected.push(`s= command ${i + 1} at ${e.atMs} ms (${shown}): ${error}`);
        // The command's own error is what the console prints for it (kubectl's words stay English).
        // The playground's own refusal (a field past its bound, a field name) reads in the reader's language.
        const why = r.msg && !r.error.includes('\n') ? r.msg : error;
        rejectedMsgs.push(msg('link.commandRejected', { where: msg('link.where', { field: 's=', n: i + 1, atMs: e.atMs }), input: shown, error: why }));
        return;
      }
      kept.push(e);
      for (const command of r.commands) timeline.push({ atMs: e.atMs, input: e.input, command });
    });
    return { ok: true, state: { scenario: parsed.data.y, seed: parsed.data.seed, commands: kept }, timeline, rejected, rejectedMsgs };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return failure(`the share link is damaged: ${detail}`, msg('link.damaged', { detail }));
  }
}
