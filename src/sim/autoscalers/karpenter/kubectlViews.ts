import { describeBlock, humanDuration, table } from '../../views/format';
import type { NodePool, Resources } from './types';
import { formatCpu, formatDuration, formatMemory } from './units';

/** What `kubectl get nodeclaims` needs to know about one NodeClaim. */
export interface NodeClaimView {
  name: string;
  nodePool: string;
  /** Unknown until the cloud provider has launched it. */
  instanceType?: string;
  capacityType?: string;
  zone?: string;
  nodeName?: string;
  ready: 'True' | 'False' | 'Unknown';
  createdAtSeconds: number;
  /** Capacity of the launched instance, for NodePool status. */
  capacity?: Resources;
}

function age(nowSeconds: number, createdAtSeconds: number): string {
  return humanDuration((nowSeconds - createdAtSeconds) * 1000);
}

/** `kubectl get nodepools`: NAME NODECLASS NODES READY AGE */
export function kubectlGetNodePools(
  pools: readonly (NodePool & { createdAtSeconds: number; nodeClassReady?: boolean })[],
  claims: readonly NodeClaimView[],
  nowSeconds: number,
): string {
  const rows = pools.map((p) => [
    p.name,
    p.template.nodeClassRef.name,
    String(claims.filter((c) => c.nodePool === p.name && c.nodeName).length),
    p.nodeClassReady === false ? 'False' : 'True',
    age(nowSeconds, p.createdAtSeconds),
  ]);
  return table(['NAME', 'NODECLASS', 'NODES', 'READY', 'AGE'], rows);
}

/** `kubectl get nodeclaims`: NAME TYPE CAPACITY ZONE NODE READY AGE */
export function kubectlGetNodeClaims(claims: readonly NodeClaimView[], nowSeconds: number): string {
  const rows = claims.map((c) => [
    c.name,
    c.instanceType ?? '',
    c.capacityType ?? '',
    c.zone ?? '',
    c.nodeName ?? '',
    c.ready,
    age(nowSeconds, c.createdAtSeconds),
  ]);
  return table(['NAME', 'TYPE', 'CAPACITY', 'ZONE', 'NODE', 'READY', 'AGE'], rows);
}

/** The main fields of `kubectl describe nodepool NAME`. */
export function kubectlDescribeNodePool(pool: NodePool, claims: readonly NodeClaimView[]): string {
  const mine = claims.filter((c) => c.nodePool === pool.name && c.capacity);
  const used = mine.reduce(
    (r, c) => ({
      cpuMillis: r.cpuMillis + (c.capacity?.cpuMillis ?? 0),
      memoryMiB: r.memoryMiB + (c.capacity?.memoryMiB ?? 0),
      pods: r.pods + (c.capacity?.pods ?? 0),
    }),
    { cpuMillis: 0, memoryMiB: 0, pods: 0 },
  );
  const d = pool.disruption;
  const budgets = d.budgets
    .map((b) => {
      const extra = [b.schedule ? `Schedule: ${b.schedule}` : '', b.durationSeconds !== undefined ? `Duration: ${formatDuration(b.durationSeconds)}` : '', b.reasons?.length ? `Reasons: ${b.reasons.join(', ')}` : '']
        .filter(Boolean)
        .join('  ');
      return `      Nodes:  ${b.nodes}${extra ? `  ${extra}` : ''}`;
    })
    .join('\n');
  const reqs = pool.template.requirements
    .map((r) => `          Key:       ${r.key}\n          Operator:  ${r.operator}${r.values?.length ? `\n          Values:\n${r.values.map((v) => `            ${v}`).join('\n')}` : ''}`)
    .join('\n');
  const limits = [
    pool.limits.cpuMillis !== undefined ? `    Cpu:     ${formatCpu(pool.limits.cpuMillis)}` : '',
    pool.limits.memoryMiB !== undefined ? `    Memory:  ${formatMemory(pool.limits.memoryMiB)}` : '',
  ].filter(Boolean);
  return [
    describeBlock([
      ['Name', pool.name],
      ['Namespace', ''],
      ['API Version', 'karpenter.sh/v1'],
      ['Kind', 'NodePool'],
    ]),
    'Spec:',
    '  Disruption:',
    '    Budgets:',
    budgets,
    `    Consolidate After:     ${d.consolidateAfterSeconds === null ? 'Never' : formatDuration(d.consolidateAfterSeconds)}`,
    `    Consolidation Policy:  ${d.consolidationPolicy}`,
    ...(limits.length ? ['  Limits:', ...limits] : []),
    '  Template:',
    '    Spec:',
    `      Expire After:  ${pool.template.expireAfterSeconds === null ? 'Never' : formatDuration(pool.template.expireAfterSeconds)}`,
    '      Node Class Ref:',
    `        Group:  ${pool.template.nodeClassRef.group}`,
    `        Kind:   ${pool.template.nodeClassRef.kind}`,
    `        Name:   ${pool.template.nodeClassRef.name}`,
    '      Requirements:',
    reqs,
    ...(pool.weight !== undefined ? [`  Weight:  ${pool.weight}`] : []),
    'Status:',
    '  Resources:',
    `    Cpu:     ${formatCpu(used.cpuMillis)}`,
    `    Memory:  ${formatMemory(used.memoryMiB)}`,
    `    Nodes:   ${mine.length}`,
    `    Pods:    ${used.pods}`,
    'Events:  <none>',
  ].join('\n');
}
