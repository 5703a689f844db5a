/**
 * Cancelling a long replay (a link's t=, a seek far back): every replay loop notes the generation
 * when it starts and stops, where it has got to, once the person presses Cancel.
 */
let generation = 0;

export function replayGeneration(): number {
  return generation;
}

export function cancelReplay(): void {
  generation++;
}

export function replayCancelled(since: number): boolean {
  return generation !== since;
}
