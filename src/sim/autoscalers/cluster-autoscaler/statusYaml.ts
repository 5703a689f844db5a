/**
 * The status ConfigMap's `data.status` as cluster-autoscaler 1.30+ writes it: its
 * api.ClusterAutoscalerStatus (clusterstate/api/types.go) marshalled by gopkg.in/yaml.v2
 * (clusterstate/utils/status.go WriteStatusConfigMap). yaml.v2 keeps the struct's field order,
 * leaves out `omitempty` fields that are zero (a struct is zero when all its fields are), writes
 * sequences flush with their key, and quotes a string only when a plain one would read as
 * something else (a timestamp, a number) or would not parse.
 */
import { boundedMemo } from '../../core/memo';

export interface NodeCountsView {
  total: number;
  ready: number;
  notStarted: number;
  beingDeleted: number;
  unready: number;
  longUnregistered: number;
  unregistered: number;
}

/** A condition's status with its lastTransitionTime (epoch ms). */
export interface ConditionView {
  status: string;
  sinceEpochMs: number;
}

export interface GroupStatusYaml {
  name: string;
  health: ConditionView;
  counts: NodeCountsView;
  cloudProviderTarget: number;
  minSize: number;
  maxSize: number;
  scaleUp: ConditionView & { backoff?: { errorCode?: string; errorMessage?: string } };
  scaleDown: ConditionView & { candidates: number };
}

export interface StatusYamlInput {
  /** currentTime.Format(ConfigMapLastUpdateFormat) */
  time: string;
  probeEpochMs: number;
  health: ConditionView;
  counts: NodeCountsView;
  scaleUp: ConditionView;
  scaleDown: ConditionView & { candidates: number };
  groups: readonly GroupStatusYaml[];
}

/**
 * metav1.Time's text: RFC 3339 in UTC with the fraction's trailing zeros dropped. Kept once made:
 * each status repeats its transition times every scan until a condition changes.
 */
export const metav1TimeText: (epochMs: number) => string = boundedMemo(formatMetav1Time, 256);

/** metav1TimeText without keeping it, for the probe time: new every loop, it would only push the kept ones out. */
function formatMetav1Time(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.?0+Z$/, 'Z');
}

const NEEDS_QUOTES = /^$|^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|\s$|^(true|false|yes|no|on|off|null|~|y|n)$/i;
// yaml.v2 resolve: numbers, and timestamps in its allowedTimestampFormats (nothing may follow them).
const LOOKS_RESOLVED =
  /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^\d{4}-\d\d?-\d\d?$|^\d{4}-\d\d?-\d\d?[Tt]\d\d?:\d\d?:\d\d?(\.\d+)?(Z|[+-]\d\d:\d\d)$|^\d{4}-\d\d?-\d\d? \d\d?:\d\d?:\d\d?(\.\d+)?$/;

/** yaml.v2's scalar: double quotes for what would resolve to another type, single quotes for what a plain scalar cannot hold. */
export function yamlV2String(s: string): string {
  if (LOOKS_RESOLVED.test(s)) return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (NEEDS_QUOTES.test(s)) return `'${s.replace(/'/g, "''")}'`;
  return s;
}

function nodeCounts(out: string[], c: NodeCountsView, indent: string): void {
  out.push(`${indent}nodeCounts:`, `${indent}  registered:`, `${indent}    total: ${c.total}`, `${indent}    ready: ${c.ready}`, `${indent}    notStarted: ${c.notStarted}`);
  if (c.beingDeleted > 0) out.push(`${indent}    beingDeleted: ${c.beingDeleted}`);
  // RegisteredUnreadyNodeCount is omitempty: all-zero, it is left out.
  if (c.unready > 0) out.push(`${indent}    unready:`, `${indent}      total: ${c.unready}`, `${indent}      resourceUnready: 0`);
  out.push(`${indent}  longUnregistered: ${c.longUnregistered}`, `${indent}  unregistered: ${c.unregistered}`);
}

/**
 * The probe time's line up to the time itself: the only line that is exactly this (every other
 * line goes on past a key), so a render can be cut there and the cut text reused.
 */
const PROBE_LINE = '    lastProbeTime: "';

function times(out: string[], c: ConditionView): void {
  out.push(PROBE_LINE, `    lastTransitionTime: "${metav1TimeText(c.sinceEpochMs)}"`);
}

function scaleDown(out: string[], c: ConditionView & { candidates: number }): void {
  out.push('  scaleDown:', `    status: ${c.status}`);
  if (c.candidates > 0) out.push(`    candidates: ${c.candidates}`);
  times(out, c);
}

/** Every line after `time:`, with PROBE_LINE where a lastProbeTime goes. */
function bodyLines(s: StatusYamlInput): string[] {
  const out = ['autoscalerStatus: Running', 'clusterWide:', '  health:', `    status: ${s.health.status}`];
  nodeCounts(out, s.counts, '    ');
  times(out, s.health);
  out.push('  scaleUp:', `    status: ${s.scaleUp.status}`);
  times(out, s.scaleUp);
  scaleDown(out, s.scaleDown);
  if (s.groups.length > 0) out.push('nodeGroups:');
  for (const g of s.groups) {
    // A sequence item's mapping: every line of it below the "- " sits two spaces in.
    const item: string[] = ['health:', `  status: ${g.health.status}`];
    nodeCounts(item, g.counts, '  ');
    item.push(`  cloudProviderTarget: ${g.cloudProviderTarget}`, `  minSize: ${g.minSize}`, `  maxSize: ${g.maxSize}`);
    out.push(`- name: ${yamlV2String(g.name)}`);
    for (const line of item) out.push(`  ${line}`);
    times(out, g.health);
    out.push('  scaleUp:', `    status: ${g.scaleUp.status}`);
    const b = g.scaleUp.backoff;
    if (b && (b.errorCode || b.errorMessage)) {
      out.push('    backoffInfo:');
      if (b.errorCode) out.push(`      errorCode: ${yamlV2String(b.errorCode)}`);
      if (b.errorMessage) out.push(`      errorMessage: ${yamlV2String(b.errorMessage)}`);
    }
    times(out, g.scaleUp);
    scaleDown(out, g.scaleDown);
  }
  return out;
}

/** The body's text cut before each probe time: part k ends with PROBE_LINE, part k + 1 goes on after the time. */
function bodyParts(s: StatusYamlInput): string[] {
  const parts: string[] = [];
  let part = '';
  for (const line of bodyLines(s)) {
    if (line === PROBE_LINE) {
      parts.push(part + PROBE_LINE);
      part = '"\n';
    } else part += `${line}\n`;
  }
  parts.push(part);
  return parts;
}

const sameCondition = (a: ConditionView, b: ConditionView): boolean => a.status === b.status && a.sinceEpochMs === b.sinceEpochMs;

function sameCounts(a: NodeCountsView, b: NodeCountsView): boolean {
  return (
    a.total === b.total &&
    a.ready === b.ready &&
    a.notStarted === b.notStarted &&
    a.beingDeleted === b.beingDeleted &&
    a.unready === b.unready &&
    a.longUnregistered === b.longUnregistered &&
    a.unregistered === b.unregistered
  );
}

function sameGroup(a: GroupStatusYaml, b: GroupStatusYaml): boolean {
  const ab = a.scaleUp.backoff;
  const bb = b.scaleUp.backoff;
  return (
    a.name === b.name &&
    sameCondition(a.health, b.health) &&
    sameCounts(a.counts, b.counts) &&
    a.cloudProviderTarget === b.cloudProviderTarget &&
    a.minSize === b.minSize &&
    a.maxSize === b.maxSize &&
    sameCondition(a.scaleUp, b.scaleUp) &&
    (ab === bb || (ab !== undefined && bb !== undefined && ab.errorCode === bb.errorCode && ab.errorMessage === bb.errorMessage)) &&
    sameCondition(a.scaleDown, b.scaleDown) &&
    a.scaleDown.candidates === b.scaleDown.candidates
  );
}

/** Whether two statuses print the same body (everything but the time and the probe times). */
function sameBody(a: StatusYamlInput, b: StatusYamlInput): boolean {
  if (
    !sameCondition(a.health, b.health) ||
    !sameCounts(a.counts, b.counts) ||
    !sameCondition(a.scaleUp, b.scaleUp) ||
    !sameCondition(a.scaleDown, b.scaleDown) ||
    a.scaleDown.candidates !== b.scaleDown.candidates ||
    a.groups.length !== b.groups.length
  ) {
    return false;
  }
  for (let i = 0; i < a.groups.length; i++) if (!sameGroup(a.groups[i], b.groups[i])) return false;
  return true;
}

/**
 * The last body rendered, cut at its probe times, with the status it came from: every loop writes
 * the status with new times, and in most loops nothing else in it changed. Its views are made fresh
 * for each render and not changed after, so the input itself is kept.
 */
let lastBody: { input: StatusYamlInput; parts: string[] } | undefined;

export function renderStatusYaml(s: StatusYamlInput): string {
  const probe = formatMetav1Time(s.probeEpochMs);
  let parts: string[];
  if (lastBody !== undefined && sameBody(lastBody.input, s)) parts = lastBody.parts;
  else lastBody = { input: s, parts: (parts = bodyParts(s)) };
  let text = `time: ${yamlV2String(s.time)}\n${parts[0]}`;
  for (let i = 1; i < parts.length; i++) text += probe + parts[i];
  return text;
}
