import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import { nodeGroup, scenario } from '../testing/fixtures';
import { applyCommand } from './apply';
import { instanceIdOf, nodeByInstanceId } from './ec2';

function world(capacityType: 'on-demand' | 'spot' = 'on-demand') {
  const w = createWorld(scenario({ nodeGroups: [nodeGroup({ capacityType })] }), []);
  for (let i = 0; i < 5; i++) step(w);
  return w;
}

describe('aws ec2 terminate-instances', () => {
  it('finds nodes by providerID, terminates them, and prints the AWS CLI JSON', () => {
    const w = world();
    const node = [...w.nodes.values()][0];
    const id = instanceIdOf(node);
    expect(node.providerId.endsWith(`/${id}`)).toBe(true);
    const r = applyCommand(w, { type: 'terminateInstances', instanceIds: [id] });
    expect(r.ok).toBe(true);
    expect(JSON.parse(r.output)).toEqual({ TerminatingInstances: [{ CurrentState: { Code: 32, Name: 'shutting-down' }, InstanceId: id, PreviousState: { Code: 16, Name: 'running' } }] });
    expect(r.output.split('\n')[1]).toBe('    "TerminatingInstances": [');
    expect(node.state).toBe('Terminating');
    // The node group's ASG replaces the instance to keep its desired capacity.
    for (let i = 0; i < 300; i++) step(w);
    expect(nodeByInstanceId(w, id)).toBeUndefined();
    expect([...w.nodes.values()].filter((n) => n.state === 'Ready')).toHaveLength(3);
  });
  it("answers EC2's errors: malformed first, then not found", () => {
    const w = world();
    const id = instanceIdOf([...w.nodes.values()][0]);
    expect(applyCommand(w, { type: 'terminateInstances', instanceIds: ['i-0123456789abcdef0', 'bogus'] }).output).toBe('An error occurred (InvalidInstanceID.Malformed) when calling the TerminateInstances operation: Invalid id: "bogus"');
    expect(applyCommand(w, { type: 'terminateInstances', instanceIds: [id, 'i-0123456789abcdef0'] }).output).toBe("An error occurred (InvalidInstanceID.NotFound) when calling the TerminateInstances operation: The instance ID 'i-0123456789abcdef0' does not exist");
    expect(applyCommand(w, { type: 'terminateInstances', instanceIds: ['i-0123456789abcdef0', 'i-0123456789abcdef1'] }).output).toContain("The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do not exist");
    expect([...w.nodes.values()].every((n) => n.state === 'Ready')).toBe(true);
  });
});

describe('spot interruption by instance ID', () => {
  it('sends the notice for a spot instance and refuses an on-demand one', () => {
    const spot = world('spot');
    const id = instanceIdOf([...spot.nodes.values()][0]);
    const r = applyCommand(spot, { type: 'sendSpotInterruption', instanceIds: [id] });
    expect(r).toMatchObject({ ok: true });
    expect(r.output).toContain(`spot interruption notice sent to ${id}`);
    const od = world();
    const odId = instanceIdOf([...od.nodes.values()][0]);
    expect(applyCommand(od, { type: 'sendSpotInterruption', instanceIds: [odId] }).output).toMatch(/is not a spot instance$/);
  });
});
