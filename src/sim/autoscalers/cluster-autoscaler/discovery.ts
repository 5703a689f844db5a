import type { AutoScalingGroup } from '../../cloud/asg';
import type { CaOptions } from './flags';

/** A node group the CA manages, with the min/max it enforces (from --nodes or the ASG). */
export interface ManagedGroup {
  asg: AutoScalingGroup;
  minSize: number;
  maxSize: number;
  source: 'nodes-flag' | 'auto-discovery';
}

export interface DiscoveryResult {
  groups: ManagedGroup[];
  warnings: string[];
}

/**
 * Which ASGs the CA manages: every `--nodes=MIN:MAX:NAME` (limits from the flag) plus every ASG
 * carrying all tags of an `asg:tag=` spec (limits from the ASG). A tag given without a value
 * matches any value, as the AWS provider does.
 */
export function discoverNodeGroups(options: CaOptions, asgs: readonly AutoScalingGroup[]): DiscoveryResult {
  const groups: ManagedGroup[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const spec of options.nodeGroups) {
    const asg = asgs.find((g) => g.name === spec.name);
    if (!asg) {
      warnings.push(`--nodes=${spec.minSize}:${spec.maxSize}:${spec.name}: no such Auto Scaling group`);
      continue;
    }
    seen.add(asg.name);
    groups.push({ asg, minSize: spec.minSize, maxSize: spec.maxSize, source: 'nodes-flag' });
  }
  for (const spec of options.autoDiscovery) {
    const matched = asgs.filter((g) =>
      spec.tags.every((t) => t.key in g.tags && (t.value === undefined || g.tags[t.key] === t.value)),
    );
    if (matched.length === 0) {
      const wanted = spec.tags.map((t) => (t.value === undefined ? t.key : `${t.key}=${t.value}`)).join(',');
      warnings.push(
        `--node-group-auto-discovery=asg:tag=${wanted}: no Auto Scaling group carries these tags`,
      );
    }
    for (const asg of matched) {
      if (seen.has(asg.name)) continue;
      seen.add(asg.name);
      groups.push({ asg, minSize: asg.minSize, maxSize: asg.maxSize, source: 'auto-discovery' });
    }
  }
  return { groups, warnings };
}
