/**
 * The bench's clusters, built in code: N deployments of 100m/128Mi pods with traffic into each,
 * and, per case, an HPA on every deployment, the Cluster Autoscaler (the seed's manifest, with
 * auto-discovery tags on the node group), VPA in Off mode on a tenth, a KEDA ScaledObject, or a
 * Karpenter NodePool (the seed's, from examples/karpenter-inflate.yaml).
 */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../scenario/loadScenario';
import { createWorld } from '../../sim/bootstrap';
import type { ManifestDoc } from '../../sim/core/commands';
import { pushAll } from '../../sim/core/arrays';
import type { ScenarioSpec } from '../../sim/core/scenario';
import type { World } from '../../sim/core/types';
import { deployment, nodeGroup, scenario } from '../../sim/testing/fixtures';

export interface BenchCase {
  name: string;
  nodes: number;
  pods: number;
  instanceType: string;
  deployments: number;
  /** Put every workload under an HPA (synced every 15 s). */
  hpa?: boolean;
  /** The Cluster Autoscaler on the node group (min half, max 1.25× the starting size). */
  ca?: boolean;
  /** A VerticalPodAutoscaler in Off mode (recommendations only) on every tenth deployment. */
  vpaOff?: boolean;
  /** app-0 is scaled by a KEDA ScaledObject (cron trigger) instead of a plain HPA. */
  keda?: boolean;
  /** A Karpenter NodePool takes the pods the fixed node group cannot hold. */
  karpenter?: boolean;
  /** Simulated seconds timed (one hour unless said). */
  simSeconds?: number;
}

const CLUSTER = 'bench';

function exampleDocs(file: string, kinds: string[]): ManifestDoc[] {
  const loaded = loadScenario(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.manifests.map((m) => m.doc).filter((d) => kinds.includes(String(d.kind)) && (d.kind !== 'Deployment' || (d.metadata as { name: string }).name === 'cluster-autoscaler'));
}

function caManifest(): ManifestDoc {
  const [ca] = exampleDocs('examples/ca-nginx-scaleout.yaml', ['Deployment']);
  // Auto-discovery names the cluster: point it at the bench's.
  return JSON.parse(JSON.stringify(ca).replaceAll('eks-workshop', CLUSTER)) as ManifestDoc;
}

function hpa(name: string, min: number, max: number): ManifestDoc {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: min,
      maxReplicas: max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }],
    },
  };
}

function vpaOff(name: string): ManifestDoc {
  return {
    apiVersion: 'autoscaling.k8s.io/v1',
    kind: 'VerticalPodAutoscaler',
    metadata: { name: `${name}-vpa` },
    spec: { targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, updatePolicy: { updateMode: 'Off' } },
  };
}

function scaledObject(name: string, min: number, max: number): ManifestDoc {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: `${name}-cron` },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicaCount: min,
      maxReplicaCount: max,
      pollingInterval: 30,
      cooldownPeriod: 300,
      triggers: [{ type: 'cron', metadata: { timezone: 'Asia/Seoul', start: '0 * * * *', end: '30 * * * *', desiredReplicas: String(max) } }],
    },
  };
}

/** Traffic that rises 4× over five minutes every other half hour, so every loop has work to do. */
function loadProfile(perDeployment: number, simSeconds: number) {
  const profile = [];
  for (let t = 0; t < simSeconds + 600; t += 3600) {
    profile.push({ atMs: t * 1000, rps: perDeployment * 2, rampMs: 300_000 });
    profile.push({ atMs: (t + 1800) * 1000, rps: perDeployment * 8, rampMs: 300_000 });
  }
  return profile;
}

export function benchInputs(c: BenchCase): { spec: ScenarioSpec; manifests: ManifestDoc[] } {
  const perDeployment = Math.ceil(c.pods / c.deployments);
  const simSeconds = c.simSeconds ?? 3600;
  const names = Array.from({ length: c.deployments }, (_, i) => `app-${i}`);
  const manifests: ManifestDoc[] = names.map((name) => {
    const d = deployment(name, perDeployment, '100m', '128Mi');
    const containers = (d.spec as { template: { spec: { containers: { resources: Record<string, unknown> }[] } } }).template.spec.containers;
    containers[0].resources = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } };
    return d;
  });
  // HPAs may grow a workload by a quarter: with the CA or Karpenter on, a rise in traffic adds nodes.
  const max = c.ca || c.karpenter ? Math.ceil(perDeployment * 1.25) : perDeployment;
  if (c.hpa) names.forEach((name, i) => { if (!(c.keda && i === 0)) manifests.push(hpa(name, Math.ceil(perDeployment / 2), max)); });
  if (c.keda) manifests.push(scaledObject(names[0], Math.ceil(perDeployment / 2), perDeployment));
  if (c.vpaOff) names.forEach((name, i) => { if (i % 10 === 1) manifests.push(vpaOff(name)); });
  if (c.ca) manifests.push(caManifest());
  if (c.karpenter) pushAll(manifests, exampleDocs('examples/karpenter-inflate.yaml', ['NodePool', 'EC2NodeClass']));
  const group = c.ca
    ? nodeGroup({
        instanceTypes: [c.instanceType],
        minSize: Math.ceil(c.nodes / 2),
        maxSize: Math.ceil(c.nodes * 1.25),
        desiredCapacity: c.nodes,
        tags: { 'k8s.io/cluster-autoscaler/enabled': 'true', [`k8s.io/cluster-autoscaler/${CLUSTER}`]: 'owned' },
      })
    : nodeGroup({ instanceTypes: [c.instanceType], minSize: c.nodes, maxSize: c.nodes, desiredCapacity: c.nodes });
  const spec = scenario({
    name: `bench-${c.name}`,
    clusterName: CLUSTER,
    durationMs: (simSeconds + 600) * 1000,
    nodeGroups: [group],
    load: names.map((name) => ({
      target: name,
      cpuPerRequestMillis: 20,
      memoryPerInflightMiB: 1,
      profile: loadProfile(perDeployment, simSeconds),
      timeoutMs: 30_000,
    })),
  });
  return { spec, manifests };
}

export function buildWorld(c: BenchCase): World {
  const { spec, manifests } = benchInputs(c);
  return createWorld(spec, manifests);
}
