/**
 * "Cluster Autoscaler instead of Karpenter": NodePools (and Provisioners) and their node classes go;
 * each becomes a managed node group of one instance type, tagged for the CA's auto-discovery, that
 * starts at 0 nodes and may grow to the NodePool's CPU limit; the CA Deployment of the AWS
 * provider's auto-discovery manifest is added (least-waste expander, the CA's default timings).
 * The instance type: the NodePool's own list when it names types, else the cheapest type in the
 * region that meets its category/family/generation/arch requirements and fits the largest pod.
 */
import { findInstanceType, instanceTypes, onDemandPrice, type InstanceType } from '../../sim/cloud/catalog';
import { cpuToMillis, memoryToMiB } from '../../sim/core/quantity';
import { containersOf, isRecord, nameOf, parseScenarioDocs, runsImage, setScenarioName, specOf, writeScenarioDocs, type Doc } from './docs';
import { note, type PresetNote, type PresetResult } from './types';

const KARPENTER_KINDS = new Set(['NodePool', 'Provisioner', 'EC2NodeClass', 'AWSNodeTemplate']);
const DEFAULT_REGION = 'us-east-1';
/** Without a CPU limit a NodePool is unbounded; the node group needs a maxSize. */
const UNLIMITED_MAX_SIZE = 10;

interface Req {
  key: string;
  operator: string;
  values: string[];
}

function requirementsOf(pool: Doc): Req[] {
  const spec = isRecord(pool.spec) ? pool.spec : {};
  const template = isRecord(spec.template) && isRecord(spec.template.spec) ? spec.template.spec : spec; // v1 or v1alpha5
  const reqs = Array.isArray(template.requirements) ? template.requirements : [];
  return reqs.filter(isRecord).map((r) => ({ key: String(r.key), operator: String(r.operator), values: Array.isArray(r.values) ? r.values.map(String) : [] }));
}

function satisfies(t: InstanceType, reqs: Req[]): boolean {
  const label: Record<string, string> = {
    'node.kubernetes.io/instance-type': t.name,
    'karpenter.k8s.aws/instance-category': t.category,
    'karpenter.k8s.aws/instance-family': t.family,
    'karpenter.k8s.aws/instance-generation': String(t.generation),
    'karpenter.k8s.aws/instance-size': t.size,
    'karpenter.k8s.aws/instance-cpu': String(t.vcpu),
    'kubernetes.io/arch': t.arch,
  };
  return reqs.every((r) => {
    const v = label[r.key];
    if (v === undefined) return true; // capacity type, zone, os: not about the type
    switch (r.operator) {
      case 'In':
        return r.values.includes(v);
      case 'NotIn':
        return !r.values.includes(v);
      case 'Gt':
        return Number(v) > Number(r.values[0]);
      case 'Lt':
        return Number(v) < Number(r.values[0]);
      default:
        return true;
    }
  });
}

/** The largest CPU and memory request of any one pod of the scenario's Deployments. */
function largestPod(manifests: Doc[]): { cpuMillis: number; memoryMiB: number } {
  let cpuMillis = 0;
  let memoryMiB = 0;
  for (const m of manifests) {
    if (m.kind !== 'Deployment' && m.kind !== 'StatefulSet') continue;
    let cpu = 0;
    let mem = 0;
    for (const c of containersOf(m)) {
      const req = isRecord(c.resources) && isRecord(c.resources.requests) ? c.resources.requests : {};
      try {
        if (req.cpu !== undefined) cpu += cpuToMillis(req.cpu as string);
        if (req.memory !== undefined) mem += memoryToMiB(req.memory as string);
      } catch {
        /* a malformed quantity is reported when the scenario loads */
      }
    }
    cpuMillis = Math.max(cpuMillis, cpu);
    memoryMiB = Math.max(memoryMiB, mem);
  }
  return { cpuMillis, memoryMiB };
}

function chooseType(reqs: Req[], region: string, pod: { cpuMillis: number; memoryMiB: number }): InstanceType | undefined {
  const named = reqs.find((r) => r.key === 'node.kubernetes.io/instance-type' && r.operator === 'In');
  const candidates = (named ? named.values.map((n) => findInstanceType(n)).filter((t) => t !== undefined) : instanceTypes.filter((t) => satisfies(t, reqs)))
    .filter((t) => t.onDemandUsdPerHour[region] !== undefined || region === DEFAULT_REGION)
    // Room for the largest pod next to the DaemonSets and system reservations (about 10 %).
    .filter((t) => t.vcpu >= 2 && t.vcpu * 900 >= pod.cpuMillis && t.memoryMiB * 0.85 >= pod.memoryMiB);
  return candidates.sort((a, b) => onDemandPrice(a, region) - onDemandPrice(b, region) || a.name.localeCompare(b.name))[0];
}

function capacityTypeOf(reqs: Req[]): 'on-demand' | 'spot' {
  const r = reqs.find((x) => x.key === 'karpenter.sh/capacity-type' && x.operator === 'In');
  return r && r.values.length > 0 && !r.values.includes('on-demand') ? 'spot' : 'on-demand';
}

export function toClusterAutoscaler(text: string): PresetResult {
  const id = 'cluster-autoscaler';
  const docs = parseScenarioDocs(text);
  if ('error' in docs) return { ok: false, id, reason: note('unreadable', { error: docs.error }, `cannot read the scenario: ${docs.error}`) };
  const pools = docs.manifests.filter((m) => m.kind === 'NodePool' || m.kind === 'Provisioner');
  if (pools.length === 0) return { ok: false, id, reason: note('noKarpenter', {}, 'the scenario has no Karpenter NodePool') };
  if (docs.manifests.some((m) => runsImage(m, 'cluster-autoscaler'))) return { ok: false, id, reason: note('alreadyClusterAutoscaler', {}, 'the scenario already runs the Cluster Autoscaler') };
  const spec = specOf(docs);
  const region = typeof spec.region === 'string' ? spec.region : DEFAULT_REGION;
  const clusterName = typeof spec.clusterName === 'string' ? spec.clusterName : 'playground';
  if (typeof spec.clusterName !== 'string') spec.clusterName = clusterName;
  const groups = Array.isArray(spec.nodeGroups) ? spec.nodeGroups : (spec.nodeGroups = []);
  const notes: PresetNote[] = [];
  const pod = largestPod(docs.manifests);
  for (const pool of pools) {
    const name = nameOf(pool);
    const reqs = requirementsOf(pool);
    const type = chooseType(reqs, region, pod);
    if (!type) return { ok: false, id, reason: note('noInstanceType', { pool: name }, `no instance type in the catalog meets NodePool ${name}'s requirements`) };
    const poolSpec = isRecord(pool.spec) ? pool.spec : {};
    // v1: spec.limits.cpu; v1alpha5 Provisioner: spec.limits.resources.cpu.
    const limits = isRecord(poolSpec.limits) ? (isRecord(poolSpec.limits.resources) ? poolSpec.limits.resources : poolSpec.limits) : undefined;
    let limitCpu: number | undefined;
    try {
      limitCpu = limits?.cpu !== undefined ? cpuToMillis(limits.cpu as string) / 1000 : undefined;
    } catch {
      limitCpu = undefined;
    }
    const maxSize = limitCpu !== undefined ? Math.max(1, Math.floor(limitCpu / type.vcpu)) : UNLIMITED_MAX_SIZE;
    const capacityType = capacityTypeOf(reqs);
    const groupName = `${name}-ca`;
    groups.push({
      name: groupName,
      instanceType: type.name,
      capacityType,
      minSize: 0,
      maxSize,
      desiredCapacity: 0,
      tags: { 'k8s.io/cluster-autoscaler/enabled': 'true', [`k8s.io/cluster-autoscaler/${clusterName}`]: 'owned' },
    });
    notes.push(
      note(
        'groupFromNodePool',
        { pool: name, group: groupName, type: type.name, capacityType, max: maxSize },
        `NodePool ${name} → node group ${groupName}: ${type.name} ${capacityType}, 0 to ${maxSize} nodes${limitCpu === undefined ? ' (the NodePool had no CPU limit)' : ''}`,
      ),
    );
  }
  docs.manifests = docs.manifests.filter((m) => !KARPENTER_KINDS.has(String(m.kind)));
  docs.manifests.push(clusterAutoscalerDeployment(clusterName));
  notes.push(note('addedClusterAutoscaler', {}, 'added the cluster-autoscaler Deployment (auto-discovery by ASG tags, least-waste expander)'));
  const scenarioName = setScenarioName(docs, 'cluster-autoscaler');
  return { ok: true, id, scenarioName, notes, text: writeScenarioDocs(docs, `Run B: the Cluster Autoscaler instead of Karpenter (generated from ${scenarioName.replace(/-cluster-autoscaler$/, '')})`) };
}

/** The AWS provider's cluster-autoscaler-autodiscover.yaml Deployment, as the CA example runs it. */
function clusterAutoscalerDeployment(clusterName: string): Doc {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'cluster-autoscaler', namespace: 'kube-system', labels: { app: 'cluster-autoscaler' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'cluster-autoscaler' } },
      template: {
        metadata: { labels: { app: 'cluster-autoscaler' }, annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          containers: [
            {
              name: 'cluster-autoscaler',
              image: 'registry.k8s.io/autoscaling/cluster-autoscaler:v1.33.0',
              resources: { limits: { cpu: '100m', memory: '600Mi' }, requests: { cpu: '100m', memory: '600Mi' } },
              command: [
                './cluster-autoscaler',
                '--v=4',
                '--stderrthreshold=info',
                '--cloud-provider=aws',
                '--skip-nodes-with-local-storage=false',
                '--expander=least-waste',
                `--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/${clusterName}`,
              ],
            },
          ],
        },
      },
    },
  };
}
