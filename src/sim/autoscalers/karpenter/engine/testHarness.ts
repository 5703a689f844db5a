import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../../../scenario/loadScenario';
import { createWorld } from '../../../bootstrap';
import { enqueueCommand } from '../../../commands/apply';
import type { Command } from '../../../core/commands';
import { checkInvariants } from '../../../core/invariants';
import type { World } from '../../../core/types';
import { runTrace } from '../../../trace/runTrace';
import type { Trace } from '../../../trace/trace';

/** Test helpers (imported only by *.test.ts): run the repository's Karpenter examples headless, checking invariants every tick. */


export function loadExample(file: string): { world: World; durationMs: number } {
  const path = fileURLToPath(new URL(`../../../../../examples/${file}`, import.meta.url));
  const loaded = loadScenario(readFileSync(path, 'utf8'), path);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  return { world: createWorld(loaded.spec, loaded.manifests.map((m) => m.doc)), durationMs: loaded.spec.durationMs };
}

export function checkedTrace(world: World, durationMs: number, onTick?: (w: World) => void): Trace {
  return runTrace(world, durationMs, {
    nodes: true,
    onTick: (w) => {
      const problems = checkInvariants(w);
      if (problems.length > 0) throw new Error(`t=${w.timeMs / 1000}s: ${problems.join('; ')}`);
      onTick?.(w);
    },
  });
}

export function at(world: World, seconds: number, command: Command, input = command.type): void {
  enqueueCommand(world, { atMs: seconds * 1000, input, command });
}

export function karpenterLogs(world: World): { t: number; message: string }[] {
  return world.logs.filter((l) => l.controller === 'karpenter').map((l) => ({ t: l.t, message: l.message }));
}

export function karpenterNodes(world: World) {
  return [...world.nodes.values()].filter((n) => n.poolKind === 'nodePool');
}
