import { describe, expect, it } from 'vitest';
import { karpenterWhy } from './why';
import { checkedTrace, loadExample } from './testHarness';
import { enText } from '../../../../testing/messages';

describe('karpenterWhy', () => {
  it('explains the batch, the consolidation with prices before and after, and the limiting budget', () => {
    const { world } = loadExample('karpenter-consolidation.yaml');
    checkedTrace(world, 900_000);
    const text = enText(karpenterWhy(world));
    expect(text).toContain('last batch at 62s: 12 pending pod(s)');
    expect(text).toMatch(/3 pod\(s\) requesting \{"cpu":"3125m","pods":"6"\}; 1 type fits, cheapest m5\.xlarge \$0\.236\/h/);
    expect(text).toMatch(/single-node-consolidation \(Underutilized\).*launching c5\.large.*price \$0\.236\/h → \$0\.096\/h/);
    expect(text).toContain('budget default/Underutilized: 1 of 1 node(s) allowed');
  });
});
