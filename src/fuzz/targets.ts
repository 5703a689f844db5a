/**
 * Fuzz targets shared by the property tests (src/fuzz/fuzz.test.ts, a few hundred runs in `npm test`)
 * and `npm run fuzz` (src/cli/fuzz.ts, thousands). Each target takes one generated input and says
 * what happened: accepted, rejected with a location, or a finding (uncaught, hang, unlocated
 * rejection, invariant broken). Wall time is read here, in the harness, never in the engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import LZString from 'lz-string';
import { decodeRunHash, encodeRunHash } from '../app/share/shareLink';
import { loadScenario } from '../scenario/loadScenario';
import { parseCommandLine } from '../scenario/commandLine';
import { advance, createSession } from '../sim/session';
import { applyCommand } from '../sim/commands/apply';
import { checkInvariants } from '../sim/core/invariants';
import type { TimedCommand } from '../sim/core/commands';
import { HEAVY_EXAMPLES } from '../sim/testing/exampleHashes';

export type Kind = 'links' | 'yaml' | 'console' | 'scenarios';
export type Outcome = 'accepted' | 'rejected' | 'uncaught' | 'hang' | 'unlocated' | 'invariant';

export interface Finding {
  outcome: Outcome;
  detail?: string;
}

/** A tick using more CPU than this is a hang: generous, since a CI machine may be slow. */
export const TICK_BOUND_MS = 2000;

const examplesDir = join(import.meta.dirname, '../../examples');
// The 1,000-node example spends ~10 s scheduling its 30,000 pods in the first tick: that is the
// bench's business (npm run bench, large-all), not a hang, so the fuzz corpus leaves it out.
export const EXAMPLES: { file: string; text: string }[] = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.yaml') && !HEAVY_EXAMPLES.includes(f))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(examplesDir, file), 'utf8') }));

const LOCATED = /^[^:\n]+:\d+:\d+: /;

/** Run `ms` of simulated time, checking invariants on every tick and timing each tick. */
function runChecked(spec: Parameters<typeof createSession>[0], manifests: Parameters<typeof createSession>[1], log: TimedCommand[], ms: number): Finding {
  const session = createSession(spec, manifests, log);
  const tick = session.world.tickMs;
  for (let t = 0; t < ms; t += tick) {
    // CPU time, not wall time: on a shared machine (load 13 on 2 cores) wall time of a 0.5 s tick
    // read 3 s, which is how 18 "hangs" appeared that were only other people's processes.
    const start = process.cpuUsage();
    const wallStart = performance.now();
    advance(session, tick);
    const used = process.cpuUsage(start);
    const took = (used.user + used.system) / 1000;
    if (took > TICK_BOUND_MS) return { outcome: 'hang', detail: `tick at ${session.world.timeMs} ms took ${Math.round(took)} ms of CPU (${Math.round(performance.now() - wallStart)} ms wall)` };
    const broken = checkInvariants(session.world);
    if (broken.length > 0) return { outcome: 'invariant', detail: broken[0] };
  }
  return { outcome: 'accepted' };
}

function guard(f: () => Finding): Finding {
  try {
    return f();
  } catch (err) {
    return { outcome: 'uncaught', detail: err instanceof Error ? `${err.message}\n${err.stack?.split('\n').slice(1, 4).join('\n')}` : String(err) };
  }
}

/** A share link (any string): decodes without throwing; a refusal names a link field; what opens replays soundly. */
export function fuzzLink(hash: string, simMs = 30_000): Finding {
  return guard(() => {
    const r = decodeRunHash(hash);
    if (!r.ok) return r.message.includes('link') || /\b[stx]=/.test(r.message) ? { outcome: 'rejected' } : { outcome: 'unlocated', detail: r.message };
    const unlocated = r.rejected.find((m) => !/^(s=|x=)/.test(m));
    if (unlocated) return { outcome: 'unlocated', detail: unlocated };
    const loaded = loadScenario(r.run.scenario, 'link.yaml');
    if (!loaded.ok) {
      const bad = loaded.errors.find((e) => !(e.line >= 1 && e.col >= 1));
      return bad ? { outcome: 'unlocated', detail: bad.message } : { outcome: 'rejected' };
    }
    const result = runChecked(loaded.spec, loaded.manifests.map((m) => m.doc), r.run.log, Math.min(simMs, r.run.timeMs + 1000));
    if (result.outcome !== 'accepted') return result;
    return r.rejected.length > 0 ? { outcome: 'rejected' } : { outcome: 'accepted' };
  });
}

/** A scenario file (any text): loads or is refused with FILE:LINE:COL on every error; what loads runs soundly. */
export function fuzzYaml(text: string, simMs = 30_000): Finding {
  return guard(() => {
    const loaded = loadScenario(text, 'fuzz.yaml');
    if (!loaded.ok) {
      const bad = loaded.errors.find((e) => !(e.file === 'fuzz.yaml' && e.line >= 1 && e.col >= 1 && e.message !== '' && !/internal error/.test(e.message)));
      return bad ? { outcome: 'unlocated', detail: `${bad.line}:${bad.col}: ${bad.message}` } : { outcome: 'rejected' };
    }
    return runChecked(loaded.spec, loaded.manifests.map((m) => m.doc), [], simMs);
  });
}

let consoleWorld: ReturnType<typeof createSession> | null = null;

/** A console line: parses or is refused with a message; each command applies to a copy of a real world without throwing. */
export function fuzzConsole(line: string): Finding {
  return guard(() => {
    const r = parseCommandLine(line);
    if (!r.ok) return r.error.trim() === '' ? { outcome: 'unlocated', detail: 'empty error' } : { outcome: 'rejected' };
    if (!consoleWorld) {
      const loaded = loadScenario(EXAMPLES.find((e) => e.file === 'hpa-php-apache.yaml')!.text, 'x.yaml');
      if (!loaded.ok) throw new Error('example does not load');
      consoleWorld = createSession(loaded.spec, loaded.manifests.map((m) => m.doc));
      advance(consoleWorld, 120_000);
    }
    const world = structuredClone(consoleWorld.world);
    for (const c of r.commands) {
      const start = performance.now();
      applyCommand(world, c);
      if (performance.now() - start > TICK_BOUND_MS) return { outcome: 'hang', detail: line };
    }
    return { outcome: 'accepted' };
  });
}

/** A valid scenario with a random seed and a timeline of valid commands: runs with invariants on every tick. */
export function fuzzScenario(example: number, seed: number, log: TimedCommand[], simMs: number): Finding {
  return guard(() => {
    const ex = EXAMPLES[example % EXAMPLES.length];
    const loaded = loadScenario(ex.text, ex.file);
    if (!loaded.ok) return { outcome: 'unlocated', detail: `${ex.file} does not load` };
    return runChecked({ ...loaded.spec, seed }, loaded.manifests.map((m) => m.doc), log, simMs);
  });
}

/** Real links to mangle: each example with a typed command and a slider command. */
export function realLinks(): string[] {
  return EXAMPLES.map((ex, i) =>
    encodeRunHash({
      scenario: ex.text,
      seed: i + 1,
      log: [
        { atMs: 5001, input: 'kubectl get pods', command: { type: 'view', line: 'kubectl get pods', args: ['kubectl', 'get', 'pods'] } },
        { atMs: 10_001, input: 'playground load php-apache --clients=4', command: { type: 'setLoad', target: 'php-apache', clients: 4 } },
      ],
      timeMs: 20_000,
    }),
  );
}

export { LZString, LOCATED };
