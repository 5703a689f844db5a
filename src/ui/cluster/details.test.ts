import { describe, expect, it } from 'vitest';
import { describeLine, eventsFor, labelLines, podsOnNode } from './details';
import { nginxWorld } from './testing/worlds';
import { parseCommandLine } from '../../scenario/commandLine';

describe('details helpers', () => {
  const world = nginxWorld(30);

  it('finds the FailedScheduling event of a pending pod', () => {
    const pending = [...world.pods.values()].find((p) => p.state === 'Pending')!;
    const events = eventsFor(world, 'Pod', pending.name, 'default');
    expect(events.length).toBeGreaterThan(0);
    expect(events[events.length - 1].event).toMatchObject({ type: 'Warning', reason: 'FailedScheduling' });
    expect(pending.unschedulableMessage).toMatch(/Insufficient cpu/);
  });

  it('folds a repeated event into one row with its count and first occurrence, as kubectl describe does', () => {
    const pending = [...world.pods.values()].find((p) => p.state === 'Pending')!;
    const failed = world.events.find((e) => e.kind === 'Pod' && e.name === pending.name && e.reason === 'FailedScheduling')!;
    const again = { ...world, events: [...world.events, { ...failed, t: failed.t + 60 }], timeMs: world.timeMs + 60_000 };
    const rows = eventsFor(again, 'Pod', pending.name, 'default').filter((r) => r.event.reason === 'FailedScheduling');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 2, firstT: failed.t, lastT: failed.t + 60 });
  });

  it('returns no events for another namespace', () => {
    const pending = [...world.pods.values()].find((p) => p.state === 'Pending')!;
    expect(eventsFor(world, 'Pod', pending.name, 'kube-system')).toEqual([]);
  });

  it('builds describe lines the command parser accepts', () => {
    expect(describeLine('pod', 'web-1')).toBe('kubectl describe pod web-1');
    expect(describeLine('pod', 'coredns-1', 'kube-system')).toBe('kubectl describe pod coredns-1 -n kube-system');
    expect(describeLine('node', 'ip-1')).toBe('kubectl describe node ip-1');
    const parsed = parseCommandLine(describeLine('pod', 'coredns-1', 'kube-system'));
    expect(parsed.ok && parsed.command.type).toBe('view');
  });

  it('lists pods on a node and labels sorted as key=value', () => {
    const node = [...world.nodes.values()][0];
    expect(podsOnNode(world, node.name).map((p) => p.name)).toEqual(node.podNames);
    expect(podsOnNode(world, 'missing')).toEqual([]);
    expect(labelLines({ b: '2', a: '1' })).toEqual(['a=1', 'b=2']);
  });
});
