import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { enqueueCommand } from '../../commands/apply';
import type { World } from '../../core/types';
import { nodeGroup, scenario } from '../../testing/fixtures';
import { AUTO_DISCOVERY_TAGS, SEED_CA_FLAGS, caDeployment, nginxToScaleout, runChecked } from './engineFixtures';
import { caState } from './state';
import { CA_LOG_SOURCE } from './output';

/*
 * static_autoscaler.go (release-1.33) RunOnce: when every unschedulable pod was created less than
 * unschedulablePodTimeBuffer (2 s) ago, the loop neither scales up ("waiting one iteration for
 * more") nor scales down (DisableScaleDownForLoop, printed as scaleDownForbidden=true).
 */
function world(flags = SEED_CA_FLAGS, minSize = 3): World {
  return createWorld(
    scenario({ nodeGroups: [nodeGroup({ maxSize: 6, minSize, tags: AUTO_DISCOVERY_TAGS })] }),
    [caDeployment(flags), nginxToScaleout(9)],
  );
}

/** The seconds at which the CA's loop ran during the first `seconds` of a fresh world. */
function scanTimes(seconds: number): number[] {
  const w = world();
  const times: number[] = [];
  runChecked(w, seconds, (x) => {
    const at = caState(x)?.why.scanAtSeconds;
    if (at !== undefined && times[times.length - 1] !== at) times.push(at);
  });
  return times;
}

const caLines = (w: World, from: number): string[] => w.logs.slice(from).filter((l) => l.controller === CA_LOG_SOURCE).map((l) => l.message);

function scaleTo15At(w: World, seconds: number): void {
  enqueueCommand(w, {
    atMs: seconds * 1000,
    input: 'kubectl scale deployment nginx-to-scaleout --replicas=15',
    command: { type: 'scale', kind: 'deployment', name: 'nginx-to-scaleout', namespace: 'default', replicas: 15 },
  });
}

describe('unschedulable pods that are very new (allPodsAreNew)', () => {
  const scans = scanTimes(120);
  const scan = scans.find((t) => t > 60)!;
  const next = scans.find((t) => t > scan)!;

  it('holds the scale-up one loop when the pods appeared a second before the scan, with no scale-down in that loop', () => {
    expect(next - scan).toBe(10);
    const w = world();
    scaleTo15At(w, scan - 1);
    runChecked(w, scan - 1);
    const before = w.logs.length;
    runChecked(w, 1);
    const lines = caLines(w, before);
    expect(lines.some((l) => l.endsWith('static_autoscaler.go:553] Unschedulable pods are very new, waiting one iteration for more'))).toBe(true);
    expect(lines.find((l) => l.includes('] Scale down status: '))).toMatch(/ scaleDownForbidden=true scaleDownInCooldown=true$/);
    expect(lines.some((l) => l.includes('] Pod default/nginx-to-scaleout-'))).toBe(false);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(3);
    runChecked(w, next - scan);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(5);
  });

  it('scales up on the first scan once the oldest pod is two seconds old', () => {
    const w = world();
    scaleTo15At(w, scan - 2);
    runChecked(w, scan);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(5);
    expect(caLines(w, 0).some((l) => l.includes('very new'))).toBe(false);
  });
});

describe('--enforce-node-group-min-size (orchestrator.go ScaleUpToNodeGroupMinSize, the last step of RunOnce)', () => {
  it('raises a group below its min after the scale-down section, and counts as a scale-up for the cooldown', () => {
    // The ASG starts at 3 while the CA's --nodes says min 4.
    const w = world([...SEED_CA_FLAGS.filter((f) => !f.startsWith('--nodes') && !f.startsWith('--node-group-auto-discovery')), '--nodes=4:6:ng1', '--enforce-node-group-min-size=true', '--v=4']);
    runChecked(w, 30);
    const lines = caLines(w, 0);
    const loopStarts = lines.flatMap((l, i) => (l.endsWith('] Starting main loop') ? [i] : []));
    const firstLoop = lines.slice(loopStarts[0], loopStarts[1]);
    const scaleDownAt = firstLoop.findIndex((l) => l.includes('] Scale down status: '));
    const minAt = firstLoop.findIndex((l) => l.includes('] ScaleUpToNodeGroupMinSize: final scale-up plan: '));
    expect(scaleDownAt).toBeGreaterThan(0);
    expect(minAt).toBeGreaterThan(scaleDownAt);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(4);
    expect(caState(w)!.lastScaleUpAtSeconds).toBeDefined();
    expect(w.events.filter((e) => e.reason === 'ScaledUpGroup').map((e) => e.message.replace(/eks-ng1-\S+/, 'ASG'))).toEqual([
      'Scale-up: setting group ASG size to 4 instead of 3 (max: 6)',
      'Scale-up: group ASG size set to 4 instead of 3 (max: 6)',
    ]);
  });
});
