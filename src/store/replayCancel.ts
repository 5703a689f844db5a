/**
 * Cancelling a long replay (a link's t=, a seek far back): every replay loop notes the generation
 * when it starts and stops, where it has got to, once the person presses Cancel.
 */
let generation = 0;

export function replayGeneration(): number {
  return generation;
}

const listeners = new Set<() => void>();

export function cancelReplay(): void {
  generation++;
  for (const fn of [...listeners]) fn();
}

/** Replays run by the engine worker are told at once (they cannot poll the generation). */
export function onCancelReplay(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function replayCancelled(since: number): boolean {
  return generation !== since;
}
