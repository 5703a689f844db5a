/**
 * Nodes → node groups. A node belongs to the managed node group in its eks.amazonaws.com/nodegroup
 * label, to Karpenter if karpenter.sh/nodepool (or the v1alpha5 provisioner-name) is set, else to a
 * self-managed group per eksctl name or instance type. Node objects carry no ASG min/max: the sizes
 * are an assumption the report states.
 */
import { findInstanceType } from '../../sim/cloud/catalog';
import { chooseRegion, renamePlaces } from './region';
import { plural, type KubeItem } from './input';
import { line, type ImportReport } from './report';

export interface ImportedGroup {
  name: string;
  instanceType?: string;
  instanceTypes?: string[];
  capacityType: 'on-demand' | 'spot';
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  zones: string[];
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  tags?: Record<string, string>;
}

/** Labels that the cloud, the kubelet or the node group set themselves: not the group's own. */
const SYSTEM_LABEL = /^(kubernetes\.io\/|node\.kubernetes\.io\/|topology\.kubernetes\.io\/|beta\.kubernetes\.io\/|failure-domain\.beta\.kubernetes\.io\/|eks\.amazonaws\.com\/|alpha\.eksctl\.io\/|karpenter\.sh\/|karpenter\.k8s\.aws\/|k8s\.io\/|topology\.ebs\.csi\.aws\.com\/|node-role\.kubernetes\.io\/)/;
/** Taints that the node lifecycle controller or Karpenter put on for a while. */
const TRANSIENT_TAINT = /^(node\.kubernetes\.io\/|node\.cloudprovider\.kubernetes\.io\/|karpenter\.sh\/|ToBeDeletedByClusterAutoscaler|DeletionCandidateOfClusterAutoscaler)/;

const labelsOf = (n: KubeItem) => n.metadata.labels ?? {};
const instanceTypeOf = (n: KubeItem) => labelsOf(n)['node.kubernetes.io/instance-type'] ?? labelsOf(n)['beta.kubernetes.io/instance-type'];

function taintsOf(n: KubeItem): ImportedGroup['taints'] {
  const spec = n.spec as { taints?: { key?: unknown; value?: unknown; effect?: unknown }[] } | undefined;
  return (spec?.taints ?? [])
    .filter((t) => typeof t.key === 'string' && !TRANSIENT_TAINT.test(t.key) && (t.effect === 'NoSchedule' || t.effect === 'PreferNoSchedule' || t.effect === 'NoExecute'))
    .map((t) => ({ key: t.key as string, ...(typeof t.value === 'string' ? { value: t.value } : {}), effect: t.effect as 'NoSchedule' }));
}

function common<T>(lists: T[][], key: (t: T) => string): T[] {
  if (lists.length === 0) return [];
  return lists[0].filter((x) => lists.every((l) => l.some((y) => key(y) === key(x))));
}

export interface NodeImport {
  groups: ImportedGroup[];
  region: string;
  /** Zones and region renamed because the cluster's region is not in the catalog (region.ts). */
  renames: ReadonlyMap<string, string>;
  karpenterPools: Set<string>;
  clusterName?: string;
}

export function importNodes(nodes: KubeItem[], report: ImportReport, withClusterAutoscaler: boolean): NodeImport {
  const byGroup = new Map<string, KubeItem[]>();
  const karpenterPools = new Set<string>();
  const regions = new Map<string, number>();
  let clusterName: string | undefined;
  for (const n of nodes) {
    const l = labelsOf(n);
    const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'];
    if (region) regions.set(region, (regions.get(region) ?? 0) + 1);
    clusterName ??= l['alpha.eksctl.io/cluster-name'];
    const pool = l['karpenter.sh/nodepool'] ?? l['karpenter.sh/provisioner-name'];
    if (pool) {
      karpenterPools.add(pool);
      report.counts.karpenterNodes++;
      continue;
    }
    const type = instanceTypeOf(n);
    if (!type) {
      report.unmapped.push({ kind: 'Node', name: n.metadata.name, ...line('nodeNoInstanceType', {}, 'no node.kubernetes.io/instance-type label') });
      continue;
    }
    if (!findInstanceType(type)) {
      report.unmapped.push({ kind: 'Node', name: n.metadata.name, ...line('nodeUnknownType', { type }, `instance type ${type} is not in the catalog`) });
      continue;
    }
    const group = l['eks.amazonaws.com/nodegroup'] ?? l['alpha.eksctl.io/nodegroup-name'] ?? `self-managed-${type}`;
    const list = byGroup.get(group) ?? [];
    list.push(n);
    byGroup.set(group, list);
  }
  const seen = [...regions.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const allZones = nodes.map((n) => labelsOf(n)['topology.kubernetes.io/zone'] ?? labelsOf(n)['failure-domain.beta.kubernetes.io/zone']).filter((z): z is string => !!z);
  const { region, renames } = chooseRegion(seen, allZones, report);

  const groups: ImportedGroup[] = [];
  for (const [name, members] of [...byGroup.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const types = [...new Set(members.map((m) => instanceTypeOf(m)))].sort();
    const spot = members.some((m) => labelsOf(m)['eks.amazonaws.com/capacityType'] === 'SPOT' || labelsOf(m)['node.kubernetes.io/lifecycle'] === 'spot');
    const zones = [...new Set(members.map((m) => labelsOf(m)['topology.kubernetes.io/zone']).filter((z): z is string => !!z).map((z) => renames.get(z) ?? z))].sort();
    const own = common(members.map((m) => Object.entries(labelsOf(m)).filter(([k]) => !SYSTEM_LABEL.test(k))), ([k, v]) => `${k}=${v}`);
    const taints = common(members.map((m) => taintsOf(m) ?? []), (t) => `${t.key}=${t.value ?? ''}:${t.effect}`);
    const count = members.length;
    const g: ImportedGroup = {
      name: name.replace(/[^A-Za-z0-9._-]/g, '-'),
      ...(types.length === 1 ? { instanceType: types[0] } : { instanceTypes: types }),
      capacityType: spot ? 'spot' : 'on-demand',
      minSize: count,
      maxSize: withClusterAutoscaler ? count * 2 : count,
      desiredCapacity: count,
      zones: zones.length > 0 ? zones : [],
    };
    if (g.zones.length === 0) delete (g as Partial<ImportedGroup>).zones;
    if (own.length > 0) g.labels = renamePlaces(Object.fromEntries(own), renames);
    if (taints.length > 0) g.taints = taints;
    groups.push(g);
    report.counts.nodes += count;
  }
  report.counts.nodeGroups = groups.length;
  if (groups.length > 0) {
    report.assumptions.push(
      withClusterAutoscaler
        ? line('groupSizesCa', {}, 'node objects carry no Auto Scaling group limits: each group starts at its node count, minSize = that count, maxSize = twice it')
        : line('groupSizes', {}, 'node objects carry no Auto Scaling group limits: each group is fixed at its node count (no Cluster Autoscaler in the input)'),
    );
  }
  if (report.counts.karpenterNodes > 0) {
    report.assumptions.push(
      line('karpenterNodes', { count: report.counts.karpenterNodes, pools: [...karpenterPools].join(', ') }, `${plural(report.counts.karpenterNodes, 'node', 'nodes')} launched by Karpenter (${[...karpenterPools].join(', ')}) ${report.counts.karpenterNodes === 1 ? 'is not imported as a node' : 'are not imported as nodes'}: the simulated Karpenter launches what the pods need`),
    );
  }
  return { groups, region, renames, karpenterPools, clusterName };
}
