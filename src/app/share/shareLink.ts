import LZString from 'lz-string';
import { decodeShareHash, encodeShareHash } from '../../scenario/urlCodec';
import { parseCommandLine } from '../../scenario/commandLine';
import type { TimedCommand } from '../../sim/core/commands';
import { CAPACITY } from '../../sim/core/limits';
import { validateCommand } from '../../scenario/commandSchema';
import { hashParam, hasRunHash } from './hashParams';
import { msg, type Message } from '../../sim/core/message';
import { decompressParam } from './lzParam';

/**
 * The app's share link: src/scenario's "#s=…" (scenario text, seed, command log as typed) plus
 * two fields of our own beside it:
 *   t=<sim ms>   the moment the sender was looking at;
 *   x=<lz JSON>  commands with no command-line form (Load slider, HPA bounds, node faults), kept
 *                as structured commands so that they replay exactly.
 */
export const APP_LINK_VERSION = 1;

export interface SharedRun {
  scenario: string;
  seed: number;
  log: TimedCommand[];
  timeMs: number;
}

export type OpenLinkResult =
  /** `rejected`: why each command left out of the run was refused (its field, or its text). */
  | { ok: true; run: SharedRun; rejected: string[]; rejectedMsgs: Message[] }
  | { ok: false; reason: 'corrupt' | 'future'; message: string; msg: Message; version?: number };

/** Does the command line reproduce exactly this command? Then the link can carry it as text. */
function representableAsText(c: TimedCommand): boolean {
  if (c.command.type === 'apply') return c.input.startsWith('kubectl apply');
  const parsed = parseCommandLine(c.input);
  return parsed.ok && parsed.commands.length === 1 && JSON.stringify(parsed.command) === JSON.stringify(c.command);
}

export function encodeRunHash(run: SharedRun): string {
  const asText: TimedCommand[] = [];
  const structured: TimedCommand[] = [];
  for (const c of run.log) (representableAsText(c) ? asText : structured).push(c);
  let hash = encodeShareHash({ scenario: run.scenario, seed: run.seed, commands: asText });
  hash += `&t=${Math.max(0, Math.round(run.timeMs))}`;
  if (structured.length > 0) {
    hash += `&x=${LZString.compressToEncodedURIComponent(JSON.stringify({ v: APP_LINK_VERSION, c: structured }))}`;
  }
  return hash;
}

const param = hashParam;

/** One entry of `x=` → the timed command, or why it is refused (naming the entry, the command and the field). */
function checkTimedCommand(v: unknown, index: number): { ok: true; cmd: TimedCommand } | { ok: false; error: string; msg: Message } {
  const where = `x= command ${index + 1}`;
  const at = msg('link.whereX', { field: 'x=', n: index + 1 });
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { ok: false, error: `${where}: not a command`, msg: msg('link.xNotCommand', { where: at }) };
  const c = v as Record<string, unknown>;
  if (typeof c.atMs !== 'number' || !Number.isInteger(c.atMs) || c.atMs < 0 || c.atMs > CAPACITY.horizonMs) {
    return { ok: false, error: `${where}: atMs: must be a whole number of milliseconds within the playground's horizon`, msg: msg('link.xAtMs', { where: at }) };
  }
  if (typeof c.input !== 'string' || c.input.length > 100_000) return { ok: false, error: `${where}: input: must be the command's text`, msg: msg('link.xInput', { where: at }) };
  const checked = validateCommand(c.command);
  if (!checked.ok) {
    const error = `${where} at ${c.atMs} ms: ${checked.error}`;
    return { ok: false, error, msg: msg('link.xInvalid', { where: msg('link.where', { field: 'x=', n: index + 1, atMs: c.atMs }), error: checked.msg }) };
  }
  return { ok: true, cmd: { atMs: c.atMs, input: c.input, command: checked.command } };
}

export { hasRunHash };

/** Never throws: a damaged or newer link is a reason to show, not a crash. */
export function decodeRunHash(hash: string): OpenLinkResult {
  const base = decodeShareHash(hash);
  if (!base.ok) {
    const future = /newer format \(version (\d+)\)/.exec(base.error);
    if (future) return { ok: false, reason: 'future', message: base.error, msg: base.msg, version: Number(future[1]) };
    return { ok: false, reason: 'corrupt', message: base.error, msg: base.msg };
  }
  const tText = param(hash, 't');
  const timeMs = tText === undefined ? 0 : Number(tText);
  if (!Number.isFinite(timeMs) || timeMs < 0) return { ok: false, reason: 'corrupt', message: "the link's time (t=) is not a number of milliseconds", msg: msg('link.timeNotNumber') };
  if (timeMs > CAPACITY.horizonMs) {
    const hours = CAPACITY.horizonMs / 3_600_000;
    return { ok: false, reason: 'corrupt', message: `the link's time (t=${tText}) is beyond the playground's horizon of ${hours} hours`, msg: msg('link.timeBeyondHorizon', { t: tText ?? '', hours }) };
  }
  const extra: TimedCommand[] = [];
  const rejected: string[] = [...base.rejected];
  const rejectedMsgs: Message[] = [...base.rejectedMsgs];
  const xText = param(hash, 'x');
  if (xText !== undefined) {
    // null when it does not decompress (lz-string may throw on damaged text; decompressParam never does).
    const json = decompressParam(xText);
    let raw: unknown;
    try {
      raw = json ? JSON.parse(json) : null;
    } catch {
      raw = null;
    }
    const payload = raw as { v?: unknown; c?: unknown } | null;
    if (typeof payload?.v === 'number' && payload.v > APP_LINK_VERSION) {
      return { ok: false, reason: 'future', message: `the link's extra commands use format version ${payload.v}`, msg: msg('link.extraNewer', { version: payload.v }), version: payload.v };
    }
    if (!payload || payload.v !== APP_LINK_VERSION || !Array.isArray(payload.c)) {
      // i18n-exempt: English twin of the Message pushed next (logs, fuzz, tests)
      rejected.push('x=: the share link is damaged: its slider commands are not readable');
      rejectedMsgs.push(msg('link.xDamaged'));
    } else {
      // A bad command is left out with its reason; the rest of the link still replays.
      payload.c.forEach((entry, i) => {
        const checked = checkTimedCommand(entry, i);
        if (checked.ok) extra.push(checked.cmd);
        else {
          rejected.push(checked.error);
          rejectedMsgs.push(checked.msg);
        }
      });
    }
  }
  // Stable sort keeps the text log's order among commands stamped at the same instant.
  const log = [...base.timeline, ...extra].map((c, i) => ({ c, i })).sort((a, b) => a.c.atMs - b.c.atMs || a.i - b.i).map(({ c }) => c);
  return { ok: true, run: { scenario: base.state.scenario, seed: base.state.seed, log, timeMs }, rejected, rejectedMsgs };
}
