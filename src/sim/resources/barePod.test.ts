import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/loadScenario';
import { createWorld } from '../bootstrap';
import { applyCommand } from '../commands/apply';
import { step } from '../core/step';
import { parseCommandLine } from '../../scenario';
import { nodeGroup, scenario } from '../testing/fixtures';

/** A bare v1 Pod wherever a manifest can appear: the scenario file (and so the YAML tab), and kubectl apply. */
const POD = `apiVersion: v1
kind: Pod
metadata: {name: solo}
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources: {requests: {cpu: 100m, memory: 64Mi}}
`;

const SCENARIO = `apiVersion: playground/v1alpha1
kind: Scenario
metadata: {name: bare-pod}
spec:
  duration: 5m
  nodeGroups:
    - {name: ng, instanceType: m5.large, minSize: 1, maxSize: 1, desiredCapacity: 1}
---
${POD}`;

describe('bare v1 Pod', () => {
  it('in a scenario file: created, scheduled and Ready, owned by nothing', () => {
    const loaded = loadScenario(SCENARIO, 'bare-pod.yaml');
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
    const w = createWorld(loaded.spec, loaded.manifests.map((m) => m.doc));
    expect(w.commands[w.commands.length - 1]).toMatchObject({ ok: true });
    expect(w.commands.at(-1)!.output).toContain('pod/solo created');
    for (let i = 0; i < 60; i++) step(w);
    const pod = w.pods.get('solo')!;
    expect(pod).toMatchObject({ namespace: 'default', ownerKind: 'None', state: 'Ready' });
    expect(pod.request.cpuMillis).toBe(100);
  });

  it('through kubectl apply: created, then unchanged, and a changed spec is refused as the API server does', () => {
    const w = createWorld(scenario({ nodeGroups: [nodeGroup()] }), []);
    const parsed = parseCommandLine('kubectl apply -f -', { stdin: POD });
    if (!parsed.ok) throw new Error(parsed.error);
    expect(applyCommand(w, parsed.command)).toEqual({ ok: true, output: 'pod/solo created' });
    expect(applyCommand(w, parsed.command)).toEqual({ ok: true, output: 'pod/solo unchanged' });
    const changed = parseCommandLine('kubectl apply -f -', { stdin: POD.replace('100m', '200m') });
    if (!changed.ok) throw new Error(changed.error);
    const r = applyCommand(w, changed.command);
    expect(r.ok).toBe(false);
    expect(r.output).toContain('Forbidden: pod updates may not change fields');
  });
});
