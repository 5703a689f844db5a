import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utilizationLine } from './calculationText';
import { msg } from '../../core/message';

describe('utilizationLine', () => {
  it('is the line its numbers word, and the same object for the same numbers asked again', () => {
    const params = fc.tuple(fc.constantFrom('cpu', 'memory', 'cpu of container app'), fc.nat(400), fc.constantFrom('100m', '250m', '1', '64Mi'), fc.constantFrom('200m', '500m', '128Mi'), fc.nat(300), fc.integer({ min: 1, max: 100 }));
    fc.assert(
      fc.property(fc.array(params, { minLength: 1, maxLength: 600 }), (all) => {
        for (const [metric, utilization, average, request, pods, target] of all) {
          const line = utilizationLine(metric, utilization, average, request, pods, target);
          expect(line).toEqual(msg('engine.hpa.utilization', { metric, utilization, average, request, pods, target }));
          expect(Object.keys(line.params!)).toEqual(['metric', 'utilization', 'average', 'request', 'pods', 'target']);
          expect(utilizationLine(metric, utilization, average, request, pods, target)).toBe(line);
        }
      }),
      { numRuns: 50 },
    );
  });
});
