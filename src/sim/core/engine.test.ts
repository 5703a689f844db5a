import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { step } from './step';
import { checkInvariants } from './invariants';
import { deployment, scenario } from '../testing/fixtures';
import { runTrace } from '../trace/runTrace';
import { enqueueCommand } from '../commands/apply';

function run(world: ReturnType<typeof createWorld>, seconds: number) {
  for (let i = 0; i < seconds; i++) {
    step(world);
    const problems = checkInvariants(world);
    if (problems.length) throw new Error(`t=${world.timeMs / 1000}s: ${problems.join('; ')}`);
  }
}

describe('engine', () => {
  it('starts an EKS cluster with system pods settled', () => {
    const world = createWorld(scenario(), []);
    expect([...world.nodes.values()].every((n) => n.state === 'Ready')).toBe(true);
    const system = [...world.pods.values()];
    expect(system.length).toBe(3 * 2 + 2); // aws-node + kube-proxy per node, coredns ×2
    expect(system.every((p) => p.state === 'Ready')).toBe(true);
    const node = [...world.nodes.values()][0];
    expect(node.allocatable).toEqual({ cpuMillis: 1930, memoryMiB: 3246, pods: 17 });
  });

  it('keeps nginx pods that do not fit Pending with the scheduler message', () => {
    const world = createWorld(scenario(), [deployment('nginx-to-scaleout', 15, '500m', '512Mi')]);
    run(world, 120);
    const pods = [...world.pods.values()].filter((p) => p.deployment === 'nginx-to-scaleout');
    expect(pods.length).toBe(15);
    const running = pods.filter((p) => p.state === 'Ready');
    const pending = pods.filter((p) => p.state === 'Pending');
    expect(running.length).toBe(9);
    expect(pending.length).toBe(6);
    expect(pending[0].unschedulableMessage).toBe('0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.');
    const failed = world.events.filter((e) => e.reason === 'FailedScheduling');
    expect(failed.length).toBeGreaterThanOrEqual(6);
    expect(failed[0].type).toBe('Warning');
  });

  it('scales a deployment down and up through commands', () => {
    const world = createWorld(scenario(), [deployment('web', 2, '100m', '64Mi')]);
    enqueueCommand(world, { atMs: 10_000, input: 'kubectl scale --replicas=5 deployment/web', command: { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 5 } });
    enqueueCommand(world, { atMs: 60_000, input: 'kubectl scale --replicas=1 deployment/web', command: { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 1 } });
    run(world, 40);
    expect([...world.pods.values()].filter((p) => p.deployment === 'web' && p.state === 'Ready').length).toBe(5);
    run(world, 60);
    expect([...world.pods.values()].filter((p) => p.deployment === 'web').length).toBe(1);
    expect(world.commands.map((c) => c.output)).toContain('deployment.apps/web scaled');
  });

  it('reports NotFound for a missing deployment and changes nothing', () => {
    const world = createWorld(scenario(), []);
    enqueueCommand(world, { atMs: 1000, input: 'kubectl scale --replicas=3 deployment/x', command: { type: 'scale', kind: 'deployment', name: 'x', namespace: 'default', replicas: 3 } });
    run(world, 2);
    expect(world.commands.at(-1)).toMatchObject({ ok: false, output: 'Error from server (NotFound): deployments.apps "x" not found' });
  });

  it('produces byte-identical traces for the same seed and different jitter for another', () => {
    const make = (seed: number) => {
      const world = createWorld(scenario({ seed }), [deployment('nginx-to-scaleout', 15, '500m', '512Mi')]);
      return JSON.stringify(runTrace(world, 300_000, { nodes: true }));
    };
    const a = make(1);
    expect(make(1)).toBe(a);
    const b = make(2);
    expect(b).not.toBe(a);
  });

  it('drains a node: pods move, DaemonSet pods stay until termination', () => {
    const world = createWorld(scenario(), [deployment('web', 3, '100m', '64Mi')]);
    run(world, 30);
    const node = [...world.nodes.values()][0];
    enqueueCommand(world, { atMs: world.timeMs, input: 'kubectl drain', command: { type: 'drain', node: node.name, ignoreDaemonsets: true, deleteEmptyDirData: true, force: false } });
    run(world, 60);
    expect(node.unschedulable).toBe(true);
    expect([...world.pods.values()].filter((p) => p.deployment === 'web' && p.state === 'Ready').length).toBe(3);
    expect([...world.pods.values()].filter((p) => p.deployment === 'web').every((p) => p.nodeName !== node.name)).toBe(true);
  });
});

describe('node faults', () => {
  it('evicts pods from a NotReady node after grace + toleration, and replaces them elsewhere', () => {
    const world = createWorld(scenario(), [deployment('web', 3, '100m', '64Mi')]);
    run(world, 30);
    const victim = [...world.pods.values()].find((p) => p.deployment === 'web')!;
    const node = world.nodes.get(victim.nodeName)!;
    enqueueCommand(world, { atMs: world.timeMs, input: 'kill', command: { type: 'killNode', node: node.name } });
    run(world, 300);
    expect(node.state).toBe('NotReady');
    expect(world.pods.get(victim.name)?.state).not.toBe('Terminating');
    run(world, 60);
    const web = [...world.pods.values()].filter((p) => p.deployment === 'web' && p.state === 'Ready');
    expect(web.length).toBe(3);
    expect(web.every((p) => p.nodeName !== node.name)).toBe(true);
    expect(world.events.some((e) => e.reason === 'TaintManagerEviction')).toBe(true);
  });
});
