import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import type { Node, World } from '../../core/types';
import { nodeGroup, scenario } from '../../testing/fixtures';
import { AUTO_DISCOVERY_TAGS, SEED_CA_FLAGS, caDeployment, nginxToScaleout, runChecked, runningPodsOf } from './engineFixtures';
import { caMachineStateName, caState } from './state';

/**
 * --max-node-provision-time (default 15m), from kubernetes/autoscaler cluster-autoscaler:
 * - clusterstate/clusterstate.go updateScaleRequests: a scale-up whose nodes are still upcoming
 *   at ExpectedAddTime times out and backs the node group off (registerFailedScaleUp); nothing is
 *   deleted there.
 * - core/static_autoscaler.go removeOldUnregisteredNodes: only instances that have been
 *   unregistered for longer than MaxNodeProvisionTime are deleted ("Marking unregistered node … for removal",
 *   event DeleteUnregistered), decreasing the group's target.
 * A node that registered late is therefore kept, turns Ready and takes its pod.
 */
function world(provisionTime: string): World {
  return createWorld(
    scenario({ nodeGroups: [nodeGroup({ maxSize: 6, tags: AUTO_DISCOVERY_TAGS })] }),
    [caDeployment([...SEED_CA_FLAGS, `--max-node-provision-time=${provisionTime}`]), nginxToScaleout(15)],
  );
}

const caEvents = (w: World, reason: string) => w.events.filter((e) => e.source === 'cluster-autoscaler' && e.reason === reason);
const groupNodes = (w: World): Node[] => [...w.nodes.values()].filter((n) => n.pool === 'ng1');

describe('CA --max-node-provision-time', () => {
  it('keeps a node that registered after the deadline: the group is backed off, the node turns Ready and takes the pods', () => {
    // EC2 boot takes 28–42 s and registration → Ready 15–25 s, so with 40 s every new node has
    // registered by the removal check (created + 40 s < scan) but none is Ready when the request expires.
    const w = world('40s');
    const initial = new Set(groupNodes(w).map((n) => n.name));
    const states = new Set<string>();
    const terminated = new Set<string>();
    runChecked(w, 180, (x) => {
      states.add(caMachineStateName(caState(x)!));
      for (const n of groupNodes(x)) if (!initial.has(n.name) && (n.state === 'Terminating' || n.terminateWhenDrained)) terminated.add(n.name);
    });
    expect(caEvents(w, 'ScaleUpTimedOut').length).toBeGreaterThanOrEqual(1);
    expect(caEvents(w, 'ScaleUpTimedOut')[0].message).toMatch(/^Nodes added to group eks-ng1-\S+ failed to register within 40s$/);
    expect(Object.values(caState(w)!.backoff).map((b) => [b.reason, b.durationSeconds])).toEqual([['scale-up timed out', 300]]);
    // While the late nodes are still upcoming, the CA reports the scale-up in progress.
    expect(states.has('scaleUpInProgress')).toBe(true);
    expect(caEvents(w, 'DeleteUnregistered')).toHaveLength(0);
    expect(terminated.size).toBe(0);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(5);
    expect(groupNodes(w).filter((n) => n.state === 'Ready')).toHaveLength(5);
    expect(runningPodsOf(w, 'nginx-to-scaleout')).toBe(15);
  });

  it('removes an instance that never registered once it is older than the provision time (desired − 1)', () => {
    const w = world('60s');
    const initial = new Set(groupNodes(w).map((n) => n.name));
    let stuck: Node | undefined;
    runChecked(w, 90, (x) => {
      if (stuck) return;
      stuck = groupNodes(x).find((n) => !initial.has(n.name) && n.state === 'Launching');
      // The kubelet never starts: a newer epoch makes the pending boot timer stale.
      if (stuck) stuck.epoch++;
    });
    expect(stuck).toBeDefined();
    const created = stuck!.createdMs / 1000;
    expect(caEvents(w, 'DeleteUnregistered')).toHaveLength(1);
    expect(caEvents(w, 'DeleteUnregistered')[0].message).toBe(`Removed unregistered node ${stuck!.name}`);
    // static_autoscaler.go removeOldUnregisteredNodes (cluster-autoscaler 1.33): marked by name, then removed per group.
    expect(w.logs.some((l) => l.message.endsWith(`] Marking unregistered node ${stuck!.name} for removal`))).toBe(true);
    expect(w.logs.some((l) => / static_autoscaler\.go:779\] Removing 1 unregistered nodes for node group /.test(l.message))).toBe(true);
    expect(w.logs.some((l) => l.message.endsWith('static_autoscaler.go:418] Some unregistered nodes were removed'))).toBe(true);
    // Removed on the first scan strictly after created + 60 s; the scan runs every 10 s.
    const removedAtSeconds = w.events.find((e) => e.reason === 'DeleteUnregistered')!.t;
    expect(removedAtSeconds).toBeGreaterThan(created + 60);
    expect(removedAtSeconds).toBeLessThanOrEqual(created + 70);
    expect(stuck!.state === 'Terminating' || !w.nodes.has(stuck!.name)).toBe(true);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(4);
    // The other new node registered in time and was kept.
    expect(groupNodes(w).filter((n) => !initial.has(n.name) && n.state === 'Ready')).toHaveLength(1);
  });
});
