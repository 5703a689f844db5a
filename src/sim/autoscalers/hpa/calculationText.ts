/**
 * How the replica calculators word their numbers in explanations: ratios to three decimals,
 * quantities as Kubernetes prints them, and the tolerance band.
 */
import { isWithinTolerance, type Tolerances } from './defaults';
import { formatMilliQuantity } from './quantity';
import { boundedMemo } from '../../core/memo';
import { msg, type Message } from '../../core/message';
import type { CrossVersionObjectReference } from './types';

/** Replica counts are int32 upstream; huge ratios saturate instead of overflowing. */
export const MAX_INT32 = 2147483647;

export const ratioText = (r: number): string => (Number.isFinite(r) ? r.toFixed(3) : String(r));
export const q = (milli: number): string => formatMilliQuantity(milli);
/** The same few averages and requests are printed every sync: kept, not built anew. */
const millicores = boundedMemo((milli: number) => `${milli}m`, 4096);
/** Millicores read best for CPU ("1000m" rather than the canonical "1"). */
export const amount = (milli: number, resource: string | undefined): string => (resource === 'cpu' ? millicores(milli) : q(milli));

/** The band's bounds as text, kept per value: the same few tolerances are printed on every sync. */
const boundText = boundedMemo(ratioText, 256);

/**
 * The tolerance line, kept per band and ratio: the ratio of a steady state is one of a few
 * (utilization / target, both whole numbers), and its toFixed was the larger part of a sync's
 * explanation (~0.5 µs). Messages are plain data, never edited, so one serves every sync that
 * words the same numbers. Bands are few (the flag, or a behavior's tolerance per HPA).
 */
const toleranceLines = new Map<number, Map<number, Map<number, Message>>>();

export function toleranceText(ratio: number, tolerances: Tolerances): Message {
  let byUp = toleranceLines.get(tolerances.scaleDown);
  if (byUp === undefined) {
    if (toleranceLines.size >= 64) toleranceLines.clear();
    toleranceLines.set(tolerances.scaleDown, (byUp = new Map<number, Map<number, Message>>()));
  }
  let byRatio = byUp.get(tolerances.scaleUp);
  if (byRatio === undefined) {
    if (byUp.size >= 64) byUp.clear();
    byUp.set(tolerances.scaleUp, (byRatio = new Map<number, Message>()));
  }
  let line = byRatio.get(ratio);
  if (line === undefined) {
    line = buildToleranceText(ratio, tolerances);
    if (byRatio.size >= 1024) byRatio.clear();
    byRatio.set(ratio, line);
  }
  return line;
}

function buildToleranceText(ratio: number, tolerances: Tolerances): Message {
  const within = isWithinTolerance(ratio, tolerances);
  return msg(within ? 'engine.hpa.toleranceYes' : 'engine.hpa.toleranceNo', {
    ratio: ratioText(ratio),
    low: boundText(1 - tolerances.scaleDown),
    high: boundText(1 + tolerances.scaleUp),
  });
}

/**
 * A message whose one parameter is a replica count, kept per key and count: "keeps 69 replicas"
 * and the like are worded every sync. One parameter name (replicas) per key.
 */
const replicaLines = new Map<string, Map<number, Message>>();

export function replicasText(key: string, replicas: number): Message {
  let byCount = replicaLines.get(key);
  if (byCount === undefined) replicaLines.set(key, (byCount = new Map<number, Message>()));
  let line = byCount.get(replicas);
  if (line === undefined) {
    line = msg(key, { replicas });
    if (byCount.size >= 4096) byCount.clear();
    byCount.set(replicas, line);
  }
  return line;
}

export const keepsText = (replicas: number): Message => replicasText('engine.hpa.keeps', replicas);

/**
 * The target line of each scale target reference (the spec's own object, kept across syncs),
 * reused while it words the same numbers: most syncs change none of them.
 */
interface TargetLine {
  kind: string;
  name: string;
  replicas: number;
  min: number;
  max: number;
  line: Message;
}
const targetLines = new WeakMap<CrossVersionObjectReference, TargetLine>();

export function targetLine(ref: CrossVersionObjectReference, replicas: number, min: number, max: number): Message {
  let kept = targetLines.get(ref);
  if (kept !== undefined && kept.kind === ref.kind && kept.name === ref.name) {
    if (kept.replicas === replicas && kept.min === min && kept.max === max) return kept.line;
    kept.line = msg('engine.hpa.target', { target: kept.line.params!.target, replicas, min, max });
  } else {
    kept = { kind: ref.kind, name: ref.name, replicas, min, max, line: msg('engine.hpa.target', { target: `${ref.kind}/${ref.name}`, replicas, min, max }) };
    targetLines.set(ref, kept);
  }
  kept.replicas = replicas;
  kept.min = min;
  kept.max = max;
  return kept.line;
}

/** The legacy window's line when it holds nothing higher, kept per window and count (the usual sync). */
const windowLines = new Map<number, Map<number, Message[]>>();

/** That line alone, as a frozen list of one: normalizeLegacy's explanation of the usual sync. */
export function windowNoHigherLines(window: number, replicas: number): Message[] {
  let byCount = windowLines.get(window);
  if (byCount === undefined) {
    if (windowLines.size >= 64) windowLines.clear();
    windowLines.set(window, (byCount = new Map<number, Message[]>()));
  }
  let lines = byCount.get(replicas);
  if (lines === undefined) {
    lines = Object.freeze([msg('engine.hpa.windowNoHigher', { window, replicas })]) as Message[];
    if (byCount.size >= 4096) byCount.clear();
    byCount.set(replicas, lines);
  }
  return lines;
}

export function windowNoHigherText(window: number, replicas: number): Message {
  return windowNoHigherLines(window, replicas)[0];
}

/**
 * The utilization line ("cpu: 59% of request …"), kept by its numbers in a small table: a steady
 * HPA words the same numbers sync after sync, and a message is plain data, never edited, so one
 * serves them all. A slot holds the last line hashed to it; a line found there is used only when
 * every parameter matches, so a collision only builds a new line.
 */
const UTILIZATION_SLOTS = 512;
const utilizationLines: (Message | undefined)[] = new Array<Message | undefined>(UTILIZATION_SLOTS).fill(undefined);

export function utilizationLine(metric: string, utilization: number, average: string, request: string, pods: number, target: number): Message {
  let h = Math.imul(utilization | 0, 0x9e3779b1) ^ Math.imul(pods | 0, 0x85ebca6b) ^ Math.imul(target | 0, 0xc2b2ae35) ^ Math.imul(average.length + 31 * request.length, 0x27d4eb2f);
  h ^= h >>> 15;
  const slot = h & (UTILIZATION_SLOTS - 1);
  const kept = utilizationLines[slot];
  if (kept !== undefined) {
    const p = kept.params!;
    if (p.metric === metric && p.utilization === utilization && p.average === average && p.request === request && p.pods === pods && p.target === target) return kept;
  }
  const line = msg('engine.hpa.utilization', { metric, utilization, average, request, pods, target });
  utilizationLines[slot] = line;
  return line;
}
