import type { World } from '../core/types';
import { allKinds } from '../resources/registry';
import type { CommandResult } from '../core/commands';
import { describeAutoScalingGroupsView } from './aws';
import { getOrDescribeView } from './getView';
import { krrView } from './krrView';
import { logsView } from './logs';
import { rolloutView } from './rolloutView';
import { topView } from './topView';
import { versionView } from './versionView';
import { apiResourcesView, apiVersionsView } from './apiResourcesView';
import { readViewArgs } from './viewArgs';
import { maxOf } from '../core/arrays';

export { withColumn } from './tableEdit';

/**
 * Read-only commands: kubectl get/describe/top/logs/rollout status/version/api-resources/api-versions,
 * krr, and aws describe-*.
 * They never change the world. `args` starts with the tool (`kubectl`, `aws`, `krr`).
 */
export function runView(world: World, args: string[]): CommandResult {
  const [tool, verb] = args;
  if (tool === 'aws') return describeAutoScalingGroupsView(world, args.slice(1));
  if (tool === 'krr') return krrView(world, readViewArgs(args.slice(1)));
  if (tool !== 'kubectl') return { ok: false, output: `${tool ?? ''}: command not found` };
  const v = readViewArgs(args.slice(2));
  switch (verb) {
    case 'get':
    case 'describe':
      return getOrDescribeView(world, verb, v);
    case 'top':
      return topView(world, v);
    case 'logs':
      return logsView(world, v);
    case 'rollout':
      return rolloutView(world, v);
    case 'version':
      return versionView(v);
    case 'api-resources':
      return apiResourcesView(v);
    case 'api-versions':
      return apiVersionsView(v);
    default:
      return { ok: false, output: `error: unknown command "${verb ?? ''}" for "kubectl"` };
  }
}

/** The AWS CLI's --output table layout for a list of rows. */
export function awsTable(title: string, rows: string[][]): string {
  const cols = rows[0]?.length ?? 0;
  const widths = Array.from({ length: cols }, (_, i) => maxOf(rows.map((r) => r[i].length)) + 2);
  const inner = widths.reduce((a, w) => a + w, 0) + cols - 1;
  const width = Math.max(inner, title.length + 2);
  const pad = width - inner;
  widths[cols - 1] += pad;
  const border = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
  const titleLine = `|${title.padStart(Math.floor((width + title.length) / 2)).padEnd(width)}|`;
  const rowLine = (r: string[]) => `|${r.map((c, i) => ` ${c}`.padEnd(widths[i])).join('|')}|`;
  return [`-${'-'.repeat(width)}-`, titleLine, border, ...rows.map(rowLine), border].join('\n');
}

export const knownKindNames = () => allKinds().map((k) => k.plural);
