import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { step } from '../../core/step';
import { sendPod } from '../../lifecycle/apply';
import { deployment, scenario } from '../../testing/fixtures';
import { drainBlocker } from './eligibility';
import { nodeUtilization } from './utilization';
import { boundPods, caPodOf } from './worldView';

const opts = { skipNodesWithLocalStorage: true, skipNodesWithSystemPods: true };

describe('CA drain rules read from the pods the engine runs', () => {
  const volumes = { volumes: [{ name: 'cache', emptyDir: {} }] };
  const world = (annotations: Record<string, string> = {}) => {
    const d = deployment('cache', 1, '100m', '64Mi', volumes);
    (d.spec as { template: { metadata: Record<string, unknown> } }).template.metadata.annotations = annotations;
    const w = createWorld(scenario(), [d]);
    for (let i = 0; i < 30; i++) step(w);
    return w;
  };

  // cluster-autoscaler/simulator/drainability/rules/localstorage: --skip-nodes-with-local-storage=true (default).
  it('an emptyDir pod blocks scale-down unless safe-to-evict', () => {
    const pod = [...world().pods.values()].find((p) => p.deployment === 'cache')!;
    expect(drainBlocker(caPodOf(pod), opts)).toBe(`pod with local storage present: ${pod.name}`);
    expect(drainBlocker(caPodOf(pod), { ...opts, skipNodesWithLocalStorage: false })).toBeUndefined();
    const safe = [...world({ 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true' }).pods.values()].find((p) => p.deployment === 'cache')!;
    expect(drainBlocker(caPodOf(safe), opts)).toBeUndefined();
  });

  // simulator/utilization/info.go skips pods that drain.IsPodLongTerminating: deletionTimestamp
  // (delete time + grace) + grace + 30 s in the past. Until then a terminating pod still counts.
  it('a terminating pod counts in utilization until it is long-terminating', () => {
    const w = world();
    const pod = [...w.pods.values()].find((p) => p.deployment === 'cache')!;
    sendPod(w, pod, 'DELETE');
    const view = caPodOf(pod);
    expect(boundPods(w).some((p) => p.name === pod.name)).toBe(true);
    expect(view.deletionTimestampSeconds).toBe(w.timeMs / 1000 + 30);
    const alloc = { cpuMillis: 1000, memoryMiB: 1000 };
    const at = (s: number) => nodeUtilization(alloc, [view], { ignoreDaemonSetsUtilization: false, ignoreMirrorPodsUtilization: false, nowSeconds: s }).cpuUtil;
    const t0 = w.timeMs / 1000;
    expect(at(t0 + 90)).toBe(0.1);
    expect(at(t0 + 91)).toBe(0);
  });
});
