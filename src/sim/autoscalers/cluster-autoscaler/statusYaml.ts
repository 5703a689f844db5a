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
export const metav1TimeText: (epochMs: number) => string = boundedMemo((epochMs: number) => new Date(epochMs).toISOString().replace(/\.?0+Z$/, 'Z'), 256);

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

function times(out: string[], c: ConditionView, probe: string): void {
  out.push(`    lastProbeTime: "${probe}"`, `    lastTransitionTime: "${metav1TimeText(c.sinceEpochMs)}"`);
}

function scaleDown(out: string[], c: ConditionView & { candidates: number }, probe: string): void {
  out.push('  scaleDown:', `    status: ${c.status}`);
  if (c.candidates > 0) out.push(`    candidates: ${c.candidates}`);
  times(out, c, probe);
}

export function renderStatusYaml(s: StatusYamlInput): string {
  const probe = metav1TimeText(s.probeEpochMs);
  const out = [`time: ${yamlV2String(s.time)}`, 'autoscalerStatus: Running', 'clusterWide:', '  health:', `    status: ${s.health.status}`];
  nodeCounts(out, s.counts, '    ');
  times(out, s.health, probe);
  out.push('  scaleUp:', `    status: ${s.scaleUp.status}`);
  times(out, s.scaleUp, probe);
  scaleDown(out, s.scaleDown, probe);
  if (s.groups.length > 0) out.push('nodeGroups:');
  for (const g of s.groups) {
    // A sequence item's mapping: every line of it below the "- " sits two spaces in.
    const item: string[] = ['health:', `  status: ${g.health.status}`];
    nodeCounts(item, g.counts, '  ');
    item.push(`  cloudProviderTarget: ${g.cloudProviderTarget}`, `  minSize: ${g.minSize}`, `  maxSize: ${g.maxSize}`);
    out.push(`- name: ${yamlV2String(g.name)}`);
    for (const line of item) out.push(`  ${line}`);
    times(out, g.health, probe);
    out.push('  scaleUp:', `    status: ${g.scaleUp.status}`);
    const b = g.scaleUp.backoff;
    if (b && (b.errorCode || b.errorMessage)) {
      out.push('    backoffInfo:');
      if (b.errorCode) out.push(`      errorCode: ${yamlV2String(b.errorCode)}`);
      if (b.errorMessage) out.push(`      errorMessage: ${yamlV2String(b.errorMessage)}`);
    }
    times(out, g.scaleUp, probe);
    scaleDown(out, g.scaleDown, probe);
  }
  return `${out.join('\n')}\n`;
}
