/**
 * The day case: 24 simulated hours in one engine session (src/sim/session.ts) as the page runs it,
 * with its checkpoints and chart history, printing the heap at the hours asked for and, at the
 * end, how long seeks to a few past moments take (a restore from the nearest checkpoint + replay),
 * and the seeks across the longest gap between checkpoints and across the gap thinning weighs
 * costliest (one of the two is the slowest any seek can be).
 */
import { performance } from 'node:perf_hooks';
import { advance, createSession, replayWeightMs, seekNow } from '../../sim/session';
import { benchInputs, type BenchCase } from './worlds';
import { arrayBuffersMB, heapMB } from './heap';
import { krrHistoryBytes, krrHistoryIn } from '../../sim/autoscalers/vpa/krrHistory';

/** What the KRR history holds (the one structure that grows for KRR's 14-day window), in MB. */
function krrMB(session: ReturnType<typeof createSession>): string {
  const krr = krrHistoryIn(session.world);
  return krr ? (krrHistoryBytes(krr) / 1048576).toFixed(1) : '0';
}

export function runDay(c: BenchCase, reportHours: readonly number[]): void {
  const hours = (c.simSeconds ?? 86_400) / 3600;
  const { spec, manifests } = benchInputs(c);
  const session = createSession(spec, manifests);
  const start = performance.now();
  const heaps: string[] = [];
  for (let h = 1; h <= hours; h++) {
    advance(session, 3_600_000);
    if (reportHours.includes(h)) {
      const mb = heapMB();
      heaps.push(`h${h}=${mb.toFixed(0)}`);
      console.log(`DAY hour=${h} heapMB=${mb.toFixed(0)} arrayBuffersMB=${arrayBuffersMB().toFixed(1)} krrMB=${krrMB(session)} checkpoints=${session.checkpoints.length} pods=${session.world.pods.size} nodes=${session.world.nodes.size} wallSeconds=${((performance.now() - start) / 1000).toFixed(1)}`);
    }
  }
  const wall = (performance.now() - start) / 1000;
  const seeks: string[] = [];
  const end = session.world.timeMs;
  // Backwards seeks land between checkpoints (the worst case replays a whole interval). The second
  // steps one more minute back, as a person scrubbing does: it starts from the checkpoint the first
  // one left before its target.
  for (const back of [7 * 60_000, 8 * 60_000, 2 * 3_600_000 + 299_000, 11 * 3_600_000 + 599_000, 23 * 3_600_000 - 1000].filter((b) => b < end)) {
    const t0 = performance.now();
    seekNow(session, end - back);
    seeks.push(`${((performance.now() - t0) / 1000).toFixed(2)}s`);
  }
  // The worst cases by construction: just before the checkpoint that ends the longest gap, and
  // the one that ends the gap thinning weighs costliest (the run's first half hour replays slower).
  const marks = session.checkpoints.map((c) => c.timeMs);
  const widestBy = (size: (from: number, to: number) => number) => {
    let at = 1;
    for (let i = 2; i < marks.length; i++) if (size(marks[i - 1], marks[i]) > size(marks[at - 1], marks[at])) at = i;
    return at;
  };
  const seekBefore = (at: number) => {
    const t0 = performance.now();
    seekNow(session, marks[at] - 1000);
    return `${((performance.now() - t0) / 1000).toFixed(2)}s`;
  };
  const widest = widestBy((from, to) => to - from);
  const costliest = widestBy(replayWeightMs);
  const gapMinutes = ((marks[widest] - marks[widest - 1]) / 60_000).toFixed(0);
  const worst = seekBefore(widest);
  const costly = `${marks[costliest - 1] / 60_000}-${marks[costliest] / 60_000}min:${seekBefore(costliest)}`;
  console.log(
    `BENCH name=${c.name} nodes=${c.nodes} pods=${c.pods} simSeconds=${hours * 3600} wallSeconds=${wall.toFixed(1)} speedup=${Math.round((hours * 3600) / wall)}x heapMB=${heaps.join(',')} seeks=${seeks.join(',')} checkpoints=${marks.length} widestGapMin=${gapMinutes} seekAcrossIt=${worst} costliestGap=${costly}`,
  );
}
