/**
 * A checkpoint's event and log rings, compressed. A checkpoint shares the live rings' frozen
 * records until the rings drop them; after that it is their only holder. At 200 nodes the Cluster
 * Autoscaler at --v=4 writes a line per node per scan and every scale-out writes events for each
 * pod, so the rings turn over in minutes and an old checkpoint holds its own 5,000–10,000 lines
 * (1.4 MB) and events (0.7 MB). They are a handful of templates around names and numbers, so
 * deflated they take a few percent of that.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { ControllerLog, KubeEvent, World } from './types';

/** A record's fields, in the order its writer creates them (restored records keep that order). */
type Fields<R> = readonly { key: keyof R & string; number?: true }[];

export const LOG_FIELDS: Fields<ControllerLog> = [{ key: 't', number: true }, { key: 'controller' }, { key: 'level' }, { key: 'message' }];
/** emitEvent's order. */
export const EVENT_FIELDS: Fields<KubeEvent> = [
  { key: 't', number: true },
  { key: 'namespace' },
  { key: 'source' },
  { key: 'count', number: true },
  { key: 'kind' },
  { key: 'name' },
  { key: 'type' },
  { key: 'reason' },
  { key: 'message' },
];

/** All deflated: the columns repeat as much as the text does. */
export interface PackedRing {
  count: number;
  /** The number fields, record by record, as Float64 bytes. */
  numbers: Uint8Array;
  /** Each string field's length in UTF-16 units, record by record, as Uint32 bytes. */
  lengths: Uint8Array;
  /** Every string field of every record, concatenated, as UTF-8. */
  text: Uint8Array;
}

/** Lone surrogates do not survive UTF-8 (pairs do): text holding one stays unpacked. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Any surrogate: a quick test first, as the exact one's lookbehind costs ~15 ms over a ring's 1 MB. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Undefined when the records cannot be packed exactly: a field of another type, or a lone surrogate. */
export function packRing<R extends object>(records: readonly R[], fields: Fields<R>): PackedRing | undefined {
  const numberFields = fields.filter((f) => f.number).map((f) => f.key);
  const stringFields = fields.filter((f) => !f.number).map((f) => f.key);
  const numbers = new Float64Array(records.length * numberFields.length);
  const lengths = new Uint32Array(records.length * stringFields.length);
  const parts: string[] = [];
  let n = 0;
  let s = 0;
  for (const r of records) {
    // A record with more fields than its writer's would lose them (counted without allocating).
    let keys = 0;
    for (const _ in r) keys++;
    if (keys !== fields.length) return undefined;
    for (const key of numberFields) {
      const v = r[key];
      if (typeof v !== 'number') return undefined;
      numbers[n++] = v;
    }
    for (const key of stringFields) {
      const v = r[key];
      if (typeof v !== 'string') return undefined;
      lengths[s++] = v.length;
      parts.push(v);
    }
  }
  const text = parts.join('');
  if (SURROGATE.test(text) && LONE_SURROGATE.test(text)) return undefined;
  return { count: records.length, numbers: deflate(new Uint8Array(numbers.buffer)), lengths: deflate(new Uint8Array(lengths.buffer)), text: deflate(strToU8(text)) };
}

function deflate(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes, { level: 1 });
}

/** The records again: frozen, with the fields in the writer's order. */
export function unpackRing<R extends object>(packed: PackedRing, fields: Fields<R>): R[] {
  const text = strFromU8(inflateSync(packed.text));
  const numberCount = fields.filter((f) => f.number).length;
  const stringCount = fields.length - numberCount;
  const numbers = new Float64Array(packed.count * numberCount);
  inflateSync(packed.numbers, { out: new Uint8Array(numbers.buffer) });
  const lengths = new Uint32Array(packed.count * stringCount);
  inflateSync(packed.lengths, { out: new Uint8Array(lengths.buffer) });
  const out = new Array<R>(packed.count);
  let at = 0;
  for (let i = 0; i < packed.count; i++) {
    const r: Record<string, unknown> = {};
    let n = i * numberCount;
    let s = i * stringCount;
    for (const f of fields) {
      if (f.number) r[f.key] = numbers[n++];
      else {
        const end = at + lengths[s++];
        r[f.key] = text.slice(at, end);
        at = end;
      }
    }
    out[i] = Object.freeze(r) as R;
  }
  return out;
}

/**
 * True while the live ring still holds the newest of `held`'s records (a checkpoint then shares
 * them, and packing would only copy them). `heldCount` and `liveCount` count every record ever
 * written, so the same record sits at the same count in both.
 */
export function ringShared(held: readonly object[], heldCount: number, live: readonly object[], liveCount: number): boolean {
  if (held.length === 0) return true;
  const i = heldCount - 1 - (liveCount - live.length);
  return i >= 0 && i < live.length && live[i] === held[held.length - 1];
}

export interface PackedRings {
  /** Null: looked at and left as they were (they cannot be packed exactly). */
  logs?: PackedRing | null;
  events?: PackedRing | null;
}

/** Pack a checkpoint's logs and events once the live world's rings have dropped them. */
export function packUnsharedRings(held: World, live: World, into: PackedRings): void {
  if (into.logs === undefined && !ringShared(held.logs, held.logCount, live.logs, live.logCount)) {
    into.logs = packRing(held.logs, LOG_FIELDS) ?? null;
    if (into.logs) held.logs = [];
  }
  if (into.events === undefined && !ringShared(held.events, held.eventCount, live.events, live.eventCount)) {
    into.events = packRing(held.events, EVENT_FIELDS) ?? null;
    if (into.events) held.events = [];
  }
}

/** Put packed rings back into a world restored from the checkpoint that held them. */
export function restoreRings(world: World, packed: PackedRings): void {
  if (packed.logs) world.logs = unpackRing(packed.logs, LOG_FIELDS);
  if (packed.events) world.events = unpackRing(packed.events, EVENT_FIELDS);
}
