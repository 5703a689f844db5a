import type { ManifestDoc, TimedCommand } from '../sim/core/commands';
import type { ScenarioSpec } from '../sim/core/scenario';
import { applyCommand } from '../sim/commands/apply';
import { runView } from '../sim/commands/views';
import { advance, createSession, issueCommand, type Session } from '../sim/session';
import { advanceUntilHeld, setSessionChecks } from '../sim/checks/sessionChecks';
import { parseCommandLine } from '../scenario/commandLine';
import { logEntryOf, type CommandLogEntry } from '../scenario/urlCodec';
import type { Lesson, LessonAction, LessonStep } from './types';
import type { Message } from '../sim/core/message';

/** What the console would have printed for one line of an action. */
export interface ActionOutput {
  t: number;
  input: string;
  output: string;
  ok: boolean;
}

/**
 * Perform an action's command lines on a session exactly as the console does: views answer from the
 * world without entering the log; other commands are tried on a copy first and enter the log only
 * when they succeed. UI intents (tab, speed) are not the engine's business; runTo is done by the caller.
 */
export function performActionCommands(session: Session, action: LessonAction): { ok: boolean; outputs: ActionOutput[] } {
  const outputs: ActionOutput[] = [];
  let ok = true;
  for (const line of action.run) {
    const t = session.world.timeMs / 1000;
    const parsed = parseCommandLine(line, action.stdin === undefined ? {} : { stdin: action.stdin });
    if (!parsed.ok) {
      outputs.push({ t, input: line, output: parsed.error, ok: false });
      ok = false;
      continue;
    }
    for (const command of parsed.commands) {
      if (command.type === 'view') {
        const r = runView(session.world, command.args);
        outputs.push({ t, input: line, output: r.output, ok: r.ok });
        ok &&= r.ok;
        continue;
      }
      const probe = applyCommand(structuredClone(session.world), command);
      if (probe.ok) issueCommand(session, line, command);
      outputs.push({ t, input: line, output: probe.output, ok: probe.ok });
      ok &&= probe.ok;
    }
  }
  return { ok, outputs };
}

export interface StepResult {
  index: number;
  ok: boolean;
  startMs: number;
  /** When the check first held, or null. */
  heldAtMs: number | null;
  /** Sim time at which the step ended (the next one begins). */
  endMs: number;
  outputs: ActionOutput[];
  /** Why it failed, in English (the runner's message). */
  error?: string;
  /** Why the check could not hold at the end (an object it names does not exist), to render in the reader's language. */
  reason?: Message;
}

/** The id under which a step's check is attached to the session. */
export const stepCheckId = (index: number) => `step-${index}`;

/**
 * One step as the headless runner and the instructor's prepared state take it: attach the check,
 * perform the action, run to its runTo, then run until the check holds, at most `withinMs` after
 * the step began.
 */
export function runStep(session: Session, step: LessonStep, index: number): StepResult {
  const startMs = session.world.timeMs;
  const id = stepCheckId(index);
  setSessionChecks(session, [{ id, check: step.check }]);
  let outputs: ActionOutput[] = [];
  if (step.action) {
    const r = performActionCommands(session, step.action);
    outputs = r.outputs;
    if (!r.ok) {
      const bad = r.outputs.find((o) => !o.ok);
      return { index, ok: false, startMs, heldAtMs: null, endMs: session.world.timeMs, outputs, error: `action "${bad?.input ?? ''}" failed: ${bad?.output.split('\n')[0] ?? ''}` };
    }
    const runTo = step.action.runToMs;
    if (runTo !== undefined && runTo > session.world.timeMs) advance(session, runTo - session.world.timeMs);
  }
  const deadline = Math.max(startMs + step.withinMs, step.action?.runToMs ?? 0);
  const status = advanceUntilHeld(session, id, deadline);
  const heldAtMs = status?.heldAtMs ?? null;
  const result: StepResult = { index, ok: heldAtMs !== null, startMs, heldAtMs, endMs: session.world.timeMs, outputs };
  if (heldAtMs === null) result.error = `check did not hold within ${Math.round((deadline - startMs) / 1000)}s of sim time (last observed: ${status?.observed ?? 'n/a'})`;
  if (heldAtMs === null && status?.reason) result.reason = status.reason;
  return result;
}

export interface LessonRun {
  session: Session;
  steps: StepResult[];
  ok: boolean;
}

/** Run steps [0, upTo) of a lesson (all by default), stopping at the first that fails. */
export function runLessonSteps(lesson: Lesson, spec: ScenarioSpec, manifests: ManifestDoc[], upTo = lesson.steps.length): LessonRun {
  const session = createSession(spec, manifests);
  const steps: StepResult[] = [];
  for (let i = 0; i < Math.min(upTo, lesson.steps.length); i++) {
    const r = runStep(session, lesson.steps[i], i);
    steps.push(r);
    if (!r.ok) return { session, steps, ok: false };
  }
  return { session, steps, ok: true };
}

/** Where step k begins: the command log to load the scenario with and the sim time to replay to. */
export type PreparedStep =
  | { ok: true; step: number; timeMs: number; commands: TimedCommand[]; log: CommandLogEntry[] }
  | { ok: false; step: number; failedStep: number; error: string };

/**
 * The prepared state of an instructor link (#lesson=ID&step=N): perform steps 0..k-1 (each one's
 * action, then run until its check holds within its budget) and return the resulting command log
 * and sim time. A pure function of the lesson and the scenario: computed, never stored.
 */
export function prepareLessonStep(lesson: Lesson, spec: ScenarioSpec, manifests: ManifestDoc[], k: number): PreparedStep {
  const step = Math.max(0, Math.min(Math.floor(k), lesson.steps.length - 1));
  const run = runLessonSteps(lesson, spec, manifests, step);
  if (!run.ok) {
    const failed = run.steps[run.steps.length - 1];
    return { ok: false, step, failedStep: failed.index, error: failed.error ?? 'failed' };
  }
  const commands = [...run.session.log];
  // One line can stand for several commands (kubectl scale … a b): logged once, as share links do.
  const entries = commands.map(logEntryOf);
  const log = entries.filter((e, i) => i === 0 || !(entries[i - 1].atMs === e.atMs && entries[i - 1].input === e.input && entries[i - 1].stdin === e.stdin));
  return { ok: true, step, timeMs: run.session.world.timeMs, commands, log };
}
