import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRunHash } from './shareLink';
import { linkProblem, linkRequest } from './useHashNavigation';

/** A pasted address is outside input: whatever it holds, the page answers with a notice or opens it, never throws. */
const text = readFileSync(join(import.meta.dirname, '../../../examples/hpa-php-apache.yaml'), 'utf8');
const good = encodeRunHash({ scenario: text, seed: 1, log: [], timeMs: 0 });

const hashes = fc.oneof(
  fc.string({ maxLength: 200 }).map((s) => `#${s}`),
  fc.tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 6 })).map(([id, step]) => `#lesson=${id}&step=${step}`),
  fc.string({ maxLength: 300 }).map((s) => `#s=${s}&t=0`),
  fc.tuple(fc.integer({ min: 0, max: good.length }), fc.string({ maxLength: 20 })).map(([cut, tail]) => good.slice(0, cut) + tail),
);

describe('a link pasted into the open page, at the door', () => {
  it('never throws: it is nothing new, or a lesson/run whose problem is a notice or none', async () => {
    await fc.assert(
      fc.asyncProperty(hashes, async (hash) => {
        const kind = await linkRequest(hash);
        expect([null, 'lesson', 'run', 'compare']).toContain(kind);
        if (kind === null) return;
        const problem = await linkProblem(hash, kind);
        if (problem) expect(problem.kind).toBe('error');
      }),
      { numRuns: 150 },
    );
  });

  it('an unknown lesson and a damaged run are refused with a notice that says the run stays; a good run and a shipped lesson pass', async () => {
    expect(await linkProblem('#lesson=06-karpenter&step=2', 'lesson')).toEqual({ kind: 'error', key: 'lessons.linkUnknownKept', values: { id: '06-karpenter' } });
    expect(await linkProblem('#lesson=karpenter&step=2', 'lesson')).toBeNull();
    expect((await linkProblem(good.slice(0, good.length - 40), 'run'))?.key).toBe('app.linkBrokenKept');
    expect(await linkProblem(good, 'run')).toBeNull();
    expect(await linkRequest('#lang=ko&q=app%3Dweb')).toBeNull();
  });
});
