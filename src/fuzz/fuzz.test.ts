import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consoleArb, linkArb, priorityClassYamlArb, scenarioArb, yamlArb } from './arbitraries';
import { fuzzConsole, fuzzLink, fuzzScenario, fuzzYaml, type Finding } from './targets';

/**
 * Issue #12 "fuzzing in the suite": a bounded number of runs per kind in `npm test` (a few seconds
 * each); `npm run fuzz -- --runs 10000` runs the same targets at nightly size. Every property: no
 * uncaught exception, every rejection located, no tick past the bound, invariants hold.
 */
const sound = (f: Finding) => f.outcome === 'accepted' || f.outcome === 'rejected';
const explain = (f: Finding) => `${f.outcome}: ${f.detail ?? ''}`;

describe('fuzz properties', () => {
  it('share links: random, truncated, bit-flipped, spliced', () => {
    fc.assert(fc.property(linkArb, (link) => {
      const f = fuzzLink(link, 5000);
      expect(sound(f), explain(f)).toBe(true);
    }), { numRuns: 60, seed: 12 });
  }, 60_000);
  it('scenario YAML mutations', () => {
    fc.assert(fc.property(yamlArb, (text) => {
      const f = fuzzYaml(text, 5000);
      expect(sound(f), explain(f)).toBe(true);
    }), { numRuns: 40, seed: 12 });
  }, 60_000);
  it('PriorityClasses at and past the API limits, and workloads naming them', () => {
    fc.assert(fc.property(priorityClassYamlArb, (text) => {
      expect(text).toContain('priorityClassName');
      const f = fuzzYaml(text, 5000);
      expect(sound(f), explain(f)).toBe(true);
    }), { numRuns: 40, seed: 12 });
  }, 60_000);
  it('console lines', () => {
    fc.assert(fc.property(consoleArb, (line) => {
      const f = fuzzConsole(line);
      expect(sound(f), `${line} → ${explain(f)}`).toBe(true);
    }), { numRuns: 300, seed: 12 });
  }, 60_000);
  it('valid scenarios with random commands, invariants on every tick', () => {
    fc.assert(fc.property(scenarioArb(120_000), ({ example, seed, log }) => {
      const f = fuzzScenario(example, seed, log, 120_000);
      expect(f.outcome, explain(f)).toBe('accepted');
    }), { numRuns: 4, seed: 12 });
  }, 120_000);
});
