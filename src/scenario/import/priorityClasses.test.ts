import { describe, expect, it } from 'vitest';
import { loadScenario } from '../loadScenario';
import { importCluster } from './index';

/** Workloads keep priorityClassName, so the cluster's own PriorityClasses must come along or the scenario will not load. */
const node = `- apiVersion: v1
  kind: Node
  metadata:
    name: ip-10-0-1-10.ap-northeast-2.compute.internal
    labels: {eks.amazonaws.com/nodegroup: ng1, node.kubernetes.io/instance-type: t3.medium, topology.kubernetes.io/zone: ap-northeast-2a, topology.kubernetes.io/region: ap-northeast-2}
`;
const deployment = `- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: batch, namespace: default}
  spec:
    replicas: 1
    selector: {matchLabels: {app: batch}}
    template:
      metadata: {labels: {app: batch}}
      spec:
        priorityClassName: batch-low
        containers: [{name: c, image: busybox, resources: {requests: {cpu: 100m}}}]
`;
const pc = `- apiVersion: scheduling.k8s.io/v1
  kind: PriorityClass
  metadata: {name: batch-low, uid: 1234, creationTimestamp: "2025-01-01T00:00:00Z"}
  value: -5
  preemptionPolicy: PreemptLowerPriority
- apiVersion: scheduling.k8s.io/v1
  kind: PriorityClass
  metadata: {name: system-node-critical}
  value: 2000001000
`;
const list = (items: string) => `apiVersion: v1\nkind: List\nitems:\n${items}`;

describe('import: PriorityClasses', () => {
  it('carries the cluster’s own classes (not the built-in ones), and the result loads', () => {
    const r = importCluster({ text: list(node + deployment + pc) });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.text).toContain('kind: PriorityClass');
    expect(r.text).not.toContain('name: system-node-critical\nvalue');
    const loaded = loadScenario(r.text, 'imported.yaml');
    expect(loaded.ok).toBe(true);
  });

  it('without the class pasted, the loader says which class is missing, at the field', () => {
    const r = importCluster({ text: list(node + deployment) });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const loaded = loadScenario(r.text, 'imported.yaml');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors[0].path).toBe('spec.template.spec.priorityClassName');
    expect(loaded.errors[0].message).toContain('no PriorityClass with name batch-low was found');
  });
});
