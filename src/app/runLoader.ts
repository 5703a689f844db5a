import { printLogRefusals, usePlayground, type LoadedScenario } from '../store/playgroundStore';
import { loadEngine } from '../store/engine';
import type { TimedCommand } from '../sim/core/commands';
import type { MessageParam } from '../sim/core/message';
import { exampleScenarios } from './exampleList';
import { i18next } from '../ui/i18n';
import { hashParam, hasRunHash, wholeStep } from './share/hashParams';

export { wholeStep } from './share/hashParams';
import { loadAutosave } from './share/autosave';
import { lessonFileLink } from './share/lessonFileLink';

export const DEFAULT_EXAMPLE = 'php-apache';

export type OpenResult = { ok: true; scenario: LoadedScenario } | { ok: false; errors: string[] };

/** The validators (yaml, zod, manifest schemas) arrive in their own chunk. */
export const scenarioLoading = () => import('./scenarioLoading');

/** Parse and start a scenario; on errors the running one is left untouched. */
let openTicket = 0;

/**
 * Parse and open a scenario. Parsing loads lazily, so two opens can overlap (the default scenario at
 * start-up and a person's pick from the menu): the latest request wins and an older one is dropped.
 */
export async function openScenarioText(text: string, file: string, log: TimedCommand[] = [], seed?: number): Promise<OpenResult> {
  const ticket = ++openTicket;
  const [{ parseScenarioText }] = await Promise.all([scenarioLoading(), loadEngine()]);
  const parsed = parseScenarioText(text, file);
  if (!parsed.ok) return parsed;
  const scenario = seed === undefined ? parsed.scenario : { ...parsed.scenario, spec: { ...parsed.scenario.spec, seed } };
  if (ticket === openTicket) usePlayground.getState().loadScenario(scenario, log);
  return { ok: true, scenario };
}

/** How many opens have been asked for: an automatic open (the first-visit lesson) that finds this
 * moved since it began knows the person picked something meanwhile, and steps aside. */
export function openRequestCount(): number {
  return openTicket;
}

export function openExample(id: string): Promise<OpenResult> {
  const ex = exampleScenarios.find((e) => e.id === id) ?? exampleScenarios[0];
  if (!ex) return Promise.resolve({ ok: false, errors: [i18next.t('app.noExamples')] });
  return openScenarioText(ex.text, ex.file);
}

/**
 * Play forward to `timeMs` and pause there, showing progress (how a share link lands on the moment
 * its sender saw, and how a lesson reaches a step's start). The engine worker runs the replay.
 */
export function replayTo(timeMs: number): Promise<void> {
  // The link's commands that were refused when it was made are refused again: the console says so.
  return usePlayground.getState().goTo(timeMs).then(printLogRefusals);
}

export interface StartupOutcome {
  /** Shown once at the top: why the link was not opened. */
  notice: { kind: 'error' | 'info'; key: string; values?: Record<string, MessageParam> } | null;
  replayToMs: number;
  /**
   * Workshop mode: `#lesson=ID&step=N` (N from 1) asks for a lesson at a step; `first` is the very
   * first visit (nothing saved), which opens lesson 0. Nothing is opened yet: the lesson panel does it.
   */
  lesson?: LessonLinkRequest | LessonFileRequest | { first: true };
}

/** What a `#lessonfile=` link asks for: an instructor's own lesson file, at a 0-based step. */
export interface LessonFileRequest {
  fileText: string;
  step: number;
  asked?: string;
}

/** What a lesson link asks for: the lesson, its 0-based step, and the `step=` text as written (decoded), if any. */
export interface LessonLinkRequest {
  id: string;
  /** The step to open: N - 1 for a whole N ≥ 1 (the lesson clamps it to its last step), else 0. */
  step: number;
  /** The link's own `step=` text, kept so that a step the lesson does not have can be named in a notice. */
  asked?: string;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // keep it as written
  }
}


/** `#lesson=ID&step=N` → the lesson and its 0-based step, or null. */
export function lessonLink(hash: string): LessonLinkRequest | null {
  const id = hashParam(hash, 'lesson');
  if (id === undefined || id === '') return null;
  const raw = hashParam(hash, 'step');
  if (raw === undefined) return { id: decoded(id), step: 0 };
  const asked = decoded(raw);
  const n = wholeStep(asked);
  return { id: decoded(id), step: n === undefined ? 0 : n - 1, asked };
}

/** Link in the address bar, else the autosaved working scenario, else the default example. */
export async function startup(hash: string, firstVisit = false): Promise<StartupOutcome> {
  const file = lessonFileLink(hash);
  if (file?.ok) return { notice: null, replayToMs: 0, lesson: { fileText: file.text, step: file.step, ...(file.asked === undefined ? {} : { asked: file.asked }) } };
  if (file) {
    await openExample(DEFAULT_EXAMPLE);
    return { notice: { kind: 'error', key: 'lessons.fileLink.broken', values: { reason: file.why } }, replayToMs: 0 };
  }
  const lesson = lessonLink(hash);
  if (lesson) return { notice: null, replayToMs: 0, lesson };
  if (hasRunHash(hash)) {
    const { decodeRunHash } = await scenarioLoading();
    const r = decodeRunHash(hash);
    if (r.ok) {
      const opened = await openScenarioText(r.run.scenario, 'shared-link.yaml', r.run.log, r.run.seed);
      if (opened.ok) {
        // Bad commands were left out; say which (the first, and how many) and replay the rest.
        const notice: StartupOutcome['notice'] =
          r.rejected.length > 0 ? { kind: 'error', key: 'hardening.linkCommandsRejected', values: { count: r.rejected.length, reason: r.rejectedMsgs[0] ?? r.rejected[0] } } : null;
        return { notice, replayToMs: r.run.timeMs };
      }
      await openExample(DEFAULT_EXAMPLE);
      return { notice: { kind: 'error', key: 'app.linkBroken', values: { reason: opened.errors[0] ?? '' } }, replayToMs: 0 };
    }
    await openExample(DEFAULT_EXAMPLE);
    if (r.reason === 'future') return { notice: { kind: 'error', key: 'app.linkFuture', values: { version: r.version ?? 0 } }, replayToMs: 0 };
    return { notice: { kind: 'error', key: 'app.linkBroken', values: { reason: r.msg } }, replayToMs: 0 };
  }
  const saved = loadAutosave();
  if (saved) {
    const opened = await openScenarioText(saved.text, saved.file);
    if (opened.ok) return { notice: null, replayToMs: 0 };
  }
  if (firstVisit) return { notice: null, replayToMs: 0, lesson: { first: true } };
  await openExample(DEFAULT_EXAMPLE);
  return { notice: null, replayToMs: 0 };
}

let firstOutcome: Promise<StartupOutcome> | null = null;

/** React StrictMode mounts twice in development; the run must be opened only once. */
export function startupOnce(hash: string, firstVisit = false): Promise<StartupOutcome> {
  firstOutcome ??= startup(hash, firstVisit);
  return firstOutcome;
}
