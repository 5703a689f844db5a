/**
 * A checkpoint's controller log lines, compressed. A checkpoint shares the live ring's frozen lines
 * until the ring drops them; after that it is their only holder. At 200 nodes the Cluster
 * Autoscaler at --v=4 writes a line per node per scan, so the ring turns over in minutes and each
 * old checkpoint holds its own 5,000–10,000 lines: 1.4 MB, a third of what it costs. The lines are
 * a handful of templates around node names and numbers, so deflate takes them to a few percent.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { ControllerLog, World } from './types';

export interface PackedLogs {
  t: Float64Array;
  /** Distinct controller and level values, and each line's index into them. */
  controllers: string[];
  levels: ControllerLog['level'][];
  controllerOf: Uint16Array;
  levelOf: Uint8Array;
  /** Each message's length in UTF-16 units, then all messages as one deflated UTF-8 text. */
  lengths: Uint32Array;
  text: Uint8Array;
}

/** Lone surrogates do not survive UTF-8 (pairs do): text holding one stays unpacked. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Undefined when the lines cannot be packed exactly (more than 65,535 controllers, or a lone surrogate). */
export function packLogs(lines: readonly ControllerLog[]): PackedLogs | undefined {
  const controllers: string[] = [];
  const levels: ControllerLog['level'][] = [];
  const controllerIndex = new Map<string, number>();
  const levelIndex = new Map<string, number>();
  const controllerOf = new Uint16Array(lines.length);
  const levelOf = new Uint8Array(lines.length);
  const lengths = new Uint32Array(lines.length);
  const t = new Float64Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let c = controllerIndex.get(line.controller);
    if (c === undefined) controllerIndex.set(line.controller, (c = controllers.push(line.controller) - 1));
    let l = levelIndex.get(line.level);
    if (l === undefined) levelIndex.set(line.level, (l = levels.push(line.level) - 1));
    controllerOf[i] = c;
    levelOf[i] = l;
    lengths[i] = line.message.length;
    t[i] = line.t;
  }
  if (controllers.length > 0xffff) return undefined;
  const text = lines.map((l) => l.message).join('');
  if (LONE_SURROGATE.test(text)) return undefined;
  return { t, controllers, levels, controllerOf, levelOf, lengths, text: deflateSync(strToU8(text), { level: 1 }) };
}

/** The lines again, as log() writes them: frozen, with the same keys in the same order. */
export function unpackLogs(packed: PackedLogs): ControllerLog[] {
  const text = strFromU8(inflateSync(packed.text));
  const out = new Array<ControllerLog>(packed.t.length);
  let at = 0;
  for (let i = 0; i < out.length; i++) {
    const end = at + packed.lengths[i];
    out[i] = Object.freeze({ t: packed.t[i], controller: packed.controllers[packed.controllerOf[i]], level: packed.levels[packed.levelOf[i]], message: text.slice(at, end) });
    at = end;
  }
  return out;
}

/**
 * True while the live world's ring still holds the newest of these lines (the checkpoint then
 * shares them, and packing would only copy them).
 */
export function logsShared(held: World, live: World): boolean {
  if (held.logs.length === 0) return true;
  const firstLive = live.logCount - live.logs.length;
  const i = held.logCount - 1 - firstLive;
  return i >= 0 && i < live.logs.length && live.logs[i] === held.logs[held.logs.length - 1];
}
