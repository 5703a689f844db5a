/**
 * "Karpenter instead of the Cluster Autoscaler": the cluster-autoscaler Deployment goes; each node
 * group keeps the nodes it starts with (no CA resizes it any more) and gets a NodePool that may add
 * what the CA could have added: the group's instance types, capacity type and zones, its labels and
 * taints, and limits of (maxSize − starting size) × the largest type's vCPU and memory.
 * Disruption is Karpenter v1's default (WhenEmptyOrUnderutilized, consolidateAfter 0s).
 */
import { findInstanceType } from '../../sim/cloud/catalog';
import { isRecord, nameOf, parseScenarioDocs, runsImage, setScenarioName, specOf, writeScenarioDocs, type Doc } from './docs';
import { note, type PresetNote, type PresetResult } from './types';
import { maxOf, pushAll } from '../../sim/core/arrays';

const dnsName = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'default';

function groupTypes(g: Doc): string[] {
  if (Array.isArray(g.instanceTypes)) return g.instanceTypes.filter((t): t is string => typeof t === 'string');
  return typeof g.instanceType === 'string' ? [g.instanceType] : [];
}

export function toKarpenter(text: string): PresetResult {
  const id = 'karpenter';
  const docs = parseScenarioDocs(text);
  if ('error' in docs) return { ok: false, id, reason: note('unreadable', { error: docs.error }, `cannot read the scenario: ${docs.error}`) };
  const spec = specOf(docs);
  const groups = Array.isArray(spec.nodeGroups) ? spec.nodeGroups.filter(isRecord) : [];
  const ca = docs.manifests.filter((m) => runsImage(m, 'cluster-autoscaler'));
  if (ca.length === 0) return { ok: false, id, reason: note('noClusterAutoscaler', {}, 'the scenario has no cluster-autoscaler Deployment') };
  if (groups.length === 0) return { ok: false, id, reason: note('noNodeGroups', {}, 'the scenario has no node groups') };
  if (docs.manifests.some((m) => m.kind === 'NodePool' || m.kind === 'Provisioner')) {
    return { ok: false, id, reason: note('alreadyKarpenter', {}, 'the scenario already has Karpenter NodePools') };
  }
  const notes: PresetNote[] = [];
  docs.manifests = docs.manifests.filter((m) => !ca.includes(m));
  for (const m of ca) notes.push(note('removedClusterAutoscaler', { name: nameOf(m) }, `removed Deployment ${nameOf(m)} (the Cluster Autoscaler)`));

  const clusterName = typeof spec.clusterName === 'string' ? spec.clusterName : 'playground';
  const pools: Doc[] = [];
  for (const g of groups) {
    const name = String(g.name);
    const min = Number(g.minSize ?? 0);
    const max = Number(g.maxSize ?? min);
    const start = Math.max(min, Math.min(max, Number(g.desiredCapacity ?? min)));
    // Without the CA nothing resizes the group: pin it where it starts.
    g.minSize = start;
    g.maxSize = start;
    g.desiredCapacity = start;
    const types = groupTypes(g);
    const known = types.map((t) => findInstanceType(t)).filter((t) => t !== undefined);
    const headroom = max - start;
    if (headroom <= 0 || known.length === 0) {
      notes.push(note('groupPinned', { group: name, size: start }, `node group ${name} stays at ${start} nodes (no room above its start for a NodePool)`));
      continue;
    }
    const vcpu = maxOf(known.map((t) => t.vcpu));
    const memGi = maxOf(known.map((t) => Math.ceil(t.memoryMiB / 1024)));
    const requirements: Doc[] = [
      { key: 'node.kubernetes.io/instance-type', operator: 'In', values: types },
      { key: 'karpenter.sh/capacity-type', operator: 'In', values: [typeof g.capacityType === 'string' ? g.capacityType : 'on-demand'] },
    ];
    if (Array.isArray(g.zones)) requirements.push({ key: 'topology.kubernetes.io/zone', operator: 'In', values: g.zones });
    const template: Doc = { spec: { nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'default' }, requirements } };
    if (isRecord(g.labels)) template.metadata = { labels: g.labels };
    if (Array.isArray(g.taints)) (template.spec as Doc).taints = g.taints;
    const poolName = dnsName(name);
    pools.push({
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: poolName },
      spec: {
        template,
        limits: { cpu: headroom * vcpu, memory: `${headroom * memGi}Gi` },
        disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '0s' },
      },
    });
    notes.push(
      note(
        'nodePoolFromGroup',
        { group: name, size: start, pool: poolName, types: types.join(', '), cpu: headroom * vcpu, extra: headroom },
        `node group ${name} stays at ${start} nodes; NodePool ${poolName} may add up to ${headroom} nodes' worth (${headroom * vcpu} vCPU) of ${types.join(', ')}`,
      ),
    );
  }
  if (pools.length === 0) return { ok: false, id, reason: note('noHeadroom', {}, 'no node group can grow above its starting size') };
  pushAll(docs.manifests, pools);
  docs.manifests.push({
    apiVersion: 'karpenter.k8s.aws/v1',
    kind: 'EC2NodeClass',
    metadata: { name: 'default' },
    spec: {
      amiSelectorTerms: [{ alias: 'al2023@latest' }],
      role: `KarpenterNodeRole-${clusterName}`,
      subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': clusterName } }],
      securityGroupSelectorTerms: [{ tags: { 'karpenter.sh/discovery': clusterName } }],
    },
  });
  notes.push(note('controllerNotModelled', {}, "Karpenter's own controller pods are not added (the CA's pod is removed), so both runs start with the same free capacity"));
  const scenarioName = setScenarioName(docs, 'karpenter');
  return { ok: true, id, scenarioName, notes, text: writeScenarioDocs(docs, `Run B: Karpenter instead of the Cluster Autoscaler (generated from ${scenarioName.replace(/-karpenter$/, '')})`) };
}
