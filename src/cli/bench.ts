/**
 * npm run bench: how fast the engine simulates, in figures. One line per case:
 * BENCH name=… nodes=… pods=… simSeconds=… wallSeconds=… speedup=…x podTickNs=… bareLoopRatio=…
 * Each case runs one simulated hour with traffic flowing into every deployment; the -hpa cases also
 * put every deployment under an HPA, to show what 15-second syncs of many HPAs cost.
 */
import { performance } from 'node:perf_hooks';
import { createWorld } from '../sim/bootstrap';
import { step } from '../sim/core/step';
import type { World } from '../sim/core/types';
import { deployment, nodeGroup, scenario } from '../sim/testing/fixtures';

interface BenchCase {
  name: string;
  nodes: number;
  pods: number;
  instanceType: string;
  deployments: number;
  /** Put every workload under an HPA (synced every 15 s). */
  hpa: boolean;
}

const cases: BenchCase[] = [
  { name: 'small', nodes: 20, pods: 200, instanceType: 'm5.large', deployments: 10, hpa: false },
  { name: 'medium', nodes: 200, pods: 5000, instanceType: 'm5.xlarge', deployments: 50, hpa: false },
  { name: 'large', nodes: 1000, pods: 30000, instanceType: 'm5.2xlarge', deployments: 100, hpa: false },
  { name: 'small-hpa', nodes: 20, pods: 200, instanceType: 'm5.large', deployments: 10, hpa: true },
  { name: 'medium-hpa', nodes: 200, pods: 5000, instanceType: 'm5.xlarge', deployments: 50, hpa: true },
];

const only = process.argv.slice(2).find((a) => !a.startsWith('-'));
const SIM_SECONDS = 3600;

function buildWorld(c: BenchCase): World {
  const perDeployment = Math.ceil(c.pods / c.deployments);
  const manifests = Array.from({ length: c.deployments }, (_, i) => {
    const d = deployment(`app-${i}`, perDeployment, '100m', '128Mi');
    const containers = ((d.spec as { template: { spec: { containers: { resources: Record<string, unknown> }[] } } }).template.spec.containers);
    containers[0].resources = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } };
    return d;
  });
  // In the -hpa cases every workload has an HPA (capped at its starting size, so the cluster stays the size named).
  const hpas = (c.hpa ? manifests : []).map((_, i) => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: `app-${i}` },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: `app-${i}` },
      minReplicas: Math.ceil(perDeployment / 2),
      maxReplicas: perDeployment,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }],
    },
  }));
  const spec = scenario({
    name: `bench-${c.name}`,
    nodeGroups: [nodeGroup({ instanceTypes: [c.instanceType], minSize: c.nodes, maxSize: c.nodes, desiredCapacity: c.nodes })],
    load: manifests.map((_, i) => ({
      target: `app-${i}`,
      cpuPerRequestMillis: 20,
      memoryPerInflightMiB: 1,
      profile: [
        { atMs: 0, rps: perDeployment * 2, rampMs: 0 },
        { atMs: 1_800_000, rps: perDeployment * 8, rampMs: 300_000 },
      ],
      timeoutMs: 30_000,
    })),
  });
  return createWorld(spec, [...manifests, ...hpas]);
}

/** The same pods touched by a plain loop, as the floor the engine is measured against. */
function bareLoopNsPerPodTick(world: World, ticks: number): number {
  const pods = [...world.pods.values()];
  const start = performance.now();
  let sink = 0;
  for (let t = 0; t < ticks; t++) {
    for (const p of world.pods.values()) {
      p.cpuUsedMilliMs += 1;
      sink += p.memoryMiB;
    }
  }
  const ns = ((performance.now() - start) * 1e6) / (ticks * pods.length);
  if (sink < 0) console.log(sink);
  return ns;
}

for (const c of cases) {
  if (only && c.name !== only) continue;
  const world = buildWorld(c);
  // Let the initial rollout settle before timing: the hour measured is steady-state with load.
  for (let i = 0; i < 300; i++) step(world);
  const podCount = world.pods.size;
  const start = performance.now();
  for (let i = 0; i < SIM_SECONDS; i++) step(world);
  const wall = (performance.now() - start) / 1000;
  const podTickNs = (wall * 1e9) / (SIM_SECONDS * podCount);
  const bare = bareLoopNsPerPodTick(world, 600);
  console.log(
    `BENCH name=${c.name} nodes=${world.nodes.size} pods=${podCount} simSeconds=${SIM_SECONDS} wallSeconds=${wall.toFixed(3)} speedup=${Math.round(SIM_SECONDS / wall)}x podTickNs=${podTickNs.toFixed(1)} bareLoopRatio=${(podTickNs / bare).toFixed(1)}`,
  );
}
