import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario/loadScenario';
import { createWorld } from '../../bootstrap';
import { checkedTrace, karpenterNodes } from './engine/testHarness';
import { checkMinValues, minValuesError } from './minValues';
import type { InstanceTypeOption } from './types';

/**
 * NodePool requirements with minValues (kubernetes-sigs/karpenter pkg/cloudprovider/types.go
 * SatisfiesMinValues; pkg/controllers/provisioning/scheduling/nodeclaim.go CanAdd with the default
 * Strict policy): a pod joins a NodeClaim only if the types left still span minValues distinct
 * values of the key; otherwise it opens another NodeClaim, or stays pending when even a fresh one
 * cannot meet it (suite_test.go "should not schedule when minValues requirement is not met").
 */
const INFLATE = readFileSync(fileURLToPath(new URL('../../../../examples/karpenter-inflate.yaml', import.meta.url)), 'utf8');

function run(types: string[], minValues?: number) {
  const req = `        - key: node.kubernetes.io/instance-type\n          operator: In\n          values: [${types.map((t) => `"${t}"`).join(', ')}]\n${minValues ? `          minValues: ${minValues}\n` : ''}`;
  const text = INFLATE.replace('      requirements:\n', `      requirements:\n${req}`).replace('duration: 12m', 'duration: 4m');
  const loaded = loadScenario(text, 'min-values.yaml');
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  const world = createWorld(loaded.spec, loaded.manifests.map((m) => m.doc));
  checkedTrace(world, loaded.spec.durationMs);
  return world;
}

const option = (name: string, family: string): InstanceTypeOption => ({
  name,
  labels: { 'node.kubernetes.io/instance-type': name, 'karpenter.k8s.aws/instance-family': family },
  capacity: { cpuMillis: 2000, memoryMiB: 4096, pods: 29 },
  allocatable: { cpuMillis: 1930, memoryMiB: 3400, pods: 29 },
  offerings: [{ zone: 'a', capacityType: 'on-demand', price: 0.1, available: true }],
});

describe('Karpenter minValues', () => {
  it('counts distinct values in order and says which keys fall short', () => {
    // instance-family Exists, minValues 2
    const reqs = new Map([['karpenter.k8s.aws/instance-family', { key: 'karpenter.k8s.aws/instance-family', complement: true, values: new Set<string>(), minValues: 2 }]]);
    const opts = [option('c5.large', 'c5'), option('c5.xlarge', 'c5'), option('m5.large', 'm5')];
    expect(checkMinValues(opts, reqs)).toEqual({ needed: 3, unmet: {} });
    expect(minValuesError(opts.slice(0, 2), reqs)).toBe('minValues requirement is not met for label(s) (label(s)=[karpenter.k8s.aws/instance-family])');
  });

  it('five 1-CPU pods: one m5.2xlarge without minValues, two NodeClaims with minValues 2 (the 4th pod would leave one type)', () => {
    const without = run(['m5.xlarge', 'm5.2xlarge']);
    expect(karpenterNodes(without).map((n) => n.instanceType)).toEqual(['m5.2xlarge']);
    const withMin = run(['m5.xlarge', 'm5.2xlarge'], 2);
    expect(karpenterNodes(withMin)).toHaveLength(2);
    expect([...withMin.pods.values()].filter((p) => p.deployment === 'inflate' && p.state === 'Ready')).toHaveLength(5);
  });

  it('a NodePool whose types can never meet minValues leaves the pods pending', () => {
    const w = run(['m5.2xlarge'], 2);
    expect(karpenterNodes(w)).toHaveLength(0);
    expect([...w.pods.values()].filter((p) => p.deployment === 'inflate' && p.state === 'Pending')).toHaveLength(5);
    expect(w.logs.some((l) => l.controller === 'karpenter' && l.message.includes('minValues requirement is not met'))).toBe(true);
  });
});
