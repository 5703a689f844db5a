import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import { runView } from '../commands/views';
import { deployment, scenario } from '../testing/fixtures';

const view = (world: ReturnType<typeof createWorld>, line: string) => runView(world, line.split(' '));

describe('kubectl get namespaces', () => {
  it("lists EKS's four namespaces, as old as the cluster, and each namespace the scenario's objects live in", () => {
    const team = deployment('api', 1, '100m', '64Mi');
    (team.metadata as Record<string, unknown>).namespace = 'team-a';
    const world = createWorld(scenario(), [deployment('web', 1, '100m', '64Mi'), team]);
    for (let i = 0; i < 90; i++) step(world);
    expect(view(world, 'kubectl get ns').output).toBe(
      ['NAME              STATUS   AGE', 'default           Active   121m', 'kube-node-lease   Active   121m', 'kube-public       Active   121m', 'kube-system       Active   121m', 'team-a            Active   90s'].join('\n'),
    );
    expect(view(world, 'kubectl get namespace team-a -o name').output).toBe('namespace/team-a');
    expect(view(world, 'kubectl get ns team-b').output).toBe('Error from server (NotFound): namespaces "team-b" not found');
    expect(view(world, 'kubectl describe ns kube-system').output).toContain('Labels:       kubernetes.io/metadata.name=kube-system\n');
  });
});
