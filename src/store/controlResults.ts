import type { TimedCommand } from '../sim/core/commands';
import type { CommandRecord } from '../sim/core/types';
import type { Session } from '../sim/session';

/**
 * The answers to commands that sliders and buttons issued (store.issue). A control's command is
 * stamped at now + 1 ms and applied at the next tick, so its answer arrives later, in the world's
 * record of applied commands (`world.commands`), not when it is issued. It is read there rather
 * than tried first on a copy of the world as the console does: a copy of the 1,000-node example
 * takes about 1.5 s, too long for a slider. Each command waits here until its answer is found.
 */
interface Waiting {
  session: Session;
  command: TimedCommand;
  /** Length of `world.commands` when it was issued: its answer comes at this index or later. */
  from: number;
}

let waiting: Waiting[] = [];

export function awaitAnswer(session: Session, command: TimedCommand): void {
  waiting.push({ session, command, from: session.world.commands.length });
}

/** Nothing waits for a run that is no longer on screen. */
export function forgetAnswers(): void {
  waiting = [];
}

/**
 * The refused commands among those whose answers are now in the world, in the order they were
 * applied; those still waiting stay. A replay (seek, link) rebuilds `world.commands` from the same
 * log, so an answer sits at the same index in the replayed world.
 */
export function takeRefusals(session: Session): { command: TimedCommand; record: CommandRecord }[] {
  if (waiting.length === 0) return [];
  const world = session.world;
  const refused: { command: TimedCommand; record: CommandRecord }[] = [];
  const claimed = new Set<number>();
  const still: Waiting[] = [];
  for (const w of waiting) {
    if (w.session !== session) continue;
    if (world.timeMs < w.command.atMs) {
      still.push(w);
      continue;
    }
    let at = -1;
    for (let i = w.from; i < world.commands.length; i++) {
      if (!claimed.has(i) && world.commands[i].input === w.command.input) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      // Applied at the tick that passed its time; not there means the world went back before it.
      if (world.timeMs < w.command.atMs + world.tickMs) still.push(w);
      continue;
    }
    claimed.add(at);
    const record = world.commands[at];
    if (!record.ok) refused.push({ command: w.command, record });
  }
  waiting = still;
  return refused;
}

/**
 * The commands of the run's log that the cluster refused when they applied (a slider's HPA patch
 * with min above max, …), with the API's answer. A refused control command stays in the log and so
 * in a share link: dropping it would leave the live world's record of applied commands
 * (`world.commands`) different from a replay's, so the link marks it instead. Matched as
 * takeRefusals matches: the same line, applied at the first tick at or after its time; commands not
 * applied yet (still ahead of the world's time) are not answered.
 */
export function refusedInLog(world: { commands: readonly CommandRecord[]; tickMs: number }, log: readonly TimedCommand[]): { command: TimedCommand; record: CommandRecord }[] {
  const out: { command: TimedCommand; record: CommandRecord }[] = [];
  const claimed = new Set<number>();
  let from = 0;
  for (const command of log) {
    for (let i = from; i < world.commands.length; i++) {
      const record = world.commands[i];
      const atMs = Math.round(record.t * 1000);
      if (claimed.has(i) || record.input !== command.input || atMs < command.atMs || atMs >= command.atMs + world.tickMs) continue;
      claimed.add(i);
      // The log is in time order and so are the records: later commands are answered later.
      while (claimed.has(from)) from++;
      if (!record.ok) out.push({ command, record });
      break;
    }
  }
  return out;
}
