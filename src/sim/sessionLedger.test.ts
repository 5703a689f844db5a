import { describe, expect, it } from 'vitest';
import { advance, createSession } from './session';
import { step } from './core/step';
import { deployment, scenario } from './testing/fixtures';

/*
 * The load model owes its per-tick CPU to the ledger until something reads it
 * (cluster/cpuLedgerPending.ts). Outside the engine, the page and the console copy the world with
 * structuredClone (playgroundStore's worldAsIssued, runLesson's probe), which cannot see what is
 * owed: so a session settles the ledger at the end of every advance.
 */
describe('a session between advances', () => {
  it('hands out a world whose copy steps on exactly as the world does', () => {
    const s = createSession(
      scenario({ load: [{ target: 'web', cpuPerRequestMillis: 23.7131, memoryPerInflightMiB: 0.1, timeoutMs: 30_000, profile: [{ atMs: 0, rps: 41.3719, rampMs: 0 }] }] }),
      [deployment('web', 4, '100m', '64Mi')],
    );
    // Past readiness, and 7 ticks past the last scrape (every 15 s): seven ticks' CPU would be owed.
    advance(s, 97_000);
    const copy = structuredClone(s.world);
    for (let i = 0; i < 30; i++) {
      step(s.world);
      step(copy);
    }
    const slots = [...s.world.pods.values()].map((p) => p.cpuSlot);
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.map((k) => copy.podCpu.used[k])).toEqual(slots.map((k) => s.world.podCpu.used[k]));
    expect([...copy.pods.values()].map((p) => p.metric?.cpuMillis)).toEqual([...s.world.pods.values()].map((p) => p.metric?.cpuMillis));
    expect(slots.some((k) => s.world.podCpu.used[k] > 0)).toBe(true);
  });
});
