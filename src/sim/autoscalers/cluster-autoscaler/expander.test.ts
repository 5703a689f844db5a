import { describe, it, expect } from 'vitest';
import {
  chooseExpansionOption,
  leastWasteScore,
  parsePriorityExpanderConfig,
  type ExpansionOption,
} from './expander';

const opt = (
  nodeGroup: string,
  cpu: number,
  memMiB: number,
  nodeCount = 1,
  pods = 1,
  price?: number,
): ExpansionOption => ({
  nodeGroup,
  nodeCount,
  nodeCapacity: { cpuMillis: cpu, memoryMiB: memMiB },
  pods: Array.from({ length: pods }, (_, i) => ({
    name: `p${i}`,
    requests: { cpuMillis: 500, memoryMiB: 1000 },
  })),
  pricePerHour: price,
});
const rng0 = () => 0;

describe('least-waste (upstream TestLeastWaste)', () => {
  it('scores with capacity and picks the lowest', () => {
    const d = chooseExpansionOption(
      [opt('balanced', 8000, 16000), opt('highmem', 8000, 32000)],
      ['least-waste'],
      { rng: rng0 },
    );
    expect(d.chosen?.nodeGroup).toBe('balanced');
    expect(d.wasteScores).toEqual({ balanced: 1.875, highmem: 1.90625 });
    const three = chooseExpansionOption(
      [opt('balanced', 8000, 16000), opt('highmem', 8000, 32000), opt('lowcpu', 4000, 16000)],
      ['least-waste'],
      { rng: rng0 },
    );
    expect(three.chosen?.nodeGroup).toBe('lowcpu');
    expect(three.logs[0].message).toBe(
      'Expanding Node Group balanced would waste 93.75% CPU, 93.75% Memory, 93.75% Blended',
    );
  });
  it('scales available capacity by node count', () => {
    expect(leastWasteScore(opt('x', 1000, 1000, 2, 2)).score).toBeCloseTo(0.5 + 0, 9);
  });
});

describe('expander chain', () => {
  it('ties go to the next expander, then to the seeded random choice', () => {
    const a = opt('a', 8000, 16000, 1, 1);
    const b = opt('b', 8000, 16000, 2, 3);
    const c = opt('c', 8000, 16000, 2, 3);
    const d = chooseExpansionOption([a, b, c], ['most-pods', 'least-waste'], { rng: () => 0.99 });
    expect(d.steps.map((s) => s.expander)).toEqual(['most-pods', 'least-waste', 'random-fallback']);
    expect(d.chosen?.nodeGroup).toBe('c');
    expect(chooseExpansionOption([a, b, c], ['random'], { rng: () => 0.4 }).chosen?.nodeGroup).toBe('b');
  });
  it('least-nodes and price pick the fewest nodes and the cheapest total', () => {
    const small = opt('small', 2000, 4000, 3, 3, 0.05);
    const big = opt('big', 8000, 16000, 1, 3, 0.2);
    expect(chooseExpansionOption([small, big], ['least-nodes'], { rng: rng0 }).chosen?.nodeGroup).toBe('big');
    expect(chooseExpansionOption([small, big], ['price'], { rng: rng0 }).chosen?.nodeGroup).toBe('small');
  });
  it('priority keeps the highest matching priority and drops unmatched groups', () => {
    const cfg = parsePriorityExpanderConfig('10:\n  - .*t3.*\n50:\n  - .*m5\\.large.*\n');
    expect(cfg.ok).toBe(true);
    if (!cfg.ok) return;
    const d = chooseExpansionOption(
      [opt('ng-t3', 2000, 4000), opt('ng-m5.large', 2000, 8000), opt('other', 1, 1)],
      ['priority'],
      {
        rng: rng0,
        priorities: cfg.config,
      },
    );
    expect(d.chosen?.nodeGroup).toBe('ng-m5.large');
    expect(d.logs.some((l) => l.message.includes('node group other not found'))).toBe(true);
    const none = chooseExpansionOption([opt('x', 1, 1), opt('y', 1, 1)], ['priority'], {
      rng: rng0,
      priorities: cfg.config,
    });
    expect(none.chosen?.nodeGroup).toBe('x');
  });
  it('rejects a malformed priority ConfigMap', () => {
    expect(parsePriorityExpanderConfig('abc:\n  - x').ok).toBe(false);
    expect(parsePriorityExpanderConfig('10: "[bad"').ok).toBe(false);
    expect(parsePriorityExpanderConfig('10:\n  - "(unclosed"').ok).toBe(false);
  });
});
