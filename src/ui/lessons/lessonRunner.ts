import i18next from 'i18next';
import type { Lesson, LessonStep } from '../../lessons/types';
import type { Message } from '../../sim/core/message';
import { loadBundledLessons } from '../../lessons/lessonList';
import { formatError, scenarioErrorMessage } from '../../scenario/errors';
import { msg } from '../../sim/core/message';
import { parseCommandLine } from '../../scenario/commandLine';
import { exampleScenarios } from '../../app/exampleList';
import { DEFAULT_EXAMPLE, openExample, openRequestCount, openScenarioText, replayTo, scenarioLoading, type LessonFileRequest, type LessonLinkRequest, type StartupOutcome } from '../../app/runLoader';
import { LINKED_LESSON_FILE, lessonFileParam } from '../../app/share/lessonFileLink';
import { engine, loadEngine } from '../../store/engine';
import { usePlayground } from '../../store/playgroundStore';
import { useTabs } from '../../store/tabStore';
import { ownCommands, useLessons, type CatalogEntry } from '../../store/lessonStore';
import { formatSeconds } from '../charts/geometry';
import { missingStepNotice } from './lessonLink';
import { renderMessage } from '../i18n/message';

/**
 * Workshop mode's actions: open a lesson at a step (with the step's prepared state), move between
 * steps, "Show me", "Run until this check holds". The checks themselves live in the engine session
 * (engineApi.setSessionChecks); the panel only reads their statuses.
 */

const readExample = (name: string) => exampleScenarios.find((e) => e.id === name)?.text;

let catalogLoading: Promise<CatalogEntry[]> | null = null;

/** Fetch and parse the bundled lessons once (their titles fill the picker); a broken one is left out, loudly. */
export function loadCatalog(): Promise<CatalogEntry[]> {
  catalogLoading ??= Promise.all([loadEngine(), loadBundledLessons()]).then(([api, { texts, failed }]) => {
    for (const f of failed) console.error(`lesson ${f.file} could not be fetched:`, f.reason);
    const entries: CatalogEntry[] = [];
    for (const f of texts) {
      const r = api.loadLesson(f.text, f.file, readExample);
      if (r.ok) entries.push({ id: r.lesson.id, file: f.file, lesson: r.lesson, scenarioText: r.scenarioText });
      else console.error(`lesson ${f.file} does not load:\n${r.errors.map(formatError).join('\n')}`);
    }
    useLessons.getState().set({ catalog: entries, catalogLoaded: true });
    return entries;
  });
  return catalogLoading;
}

export type LessonOpenResult = { ok: true } | { ok: false; errors: string[] };

/**
 * Open a lesson at step k (0-based). For k > 0 the prepared state comes from the engine's
 * prepareLessonStep (steps 0..k-1 performed, each run until its check held): a pure function of the
 * lesson, so a link never stores it. The app loads the resulting command log and replays to its time
 * with progress, then attaches step k's check.
 */
export async function openLesson(lesson: Lesson, scenarioText: string, source: 'bundled' | 'file', k = 0, unlessOpenedSince?: number): Promise<LessonOpenResult> {
  const store = useLessons.getState();
  const api = await loadEngine();
  const { parseScenarioText } = await scenarioLoading();
  if (unlessOpenedSince !== undefined && openRequestCount() !== unlessOpenedSince) return { ok: true };
  const parsed = parseScenarioText(scenarioText, lesson.file);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const step = Math.max(0, Math.min(Math.floor(k), lesson.steps.length - 1));
  let log: Parameters<typeof openScenarioText>[2] = [];
  let timeMs = 0;
  let startStep = step;
  if (step > 0) {
    store.set({ busy: { kind: 'prepare', progress: 0 } });
    // Let the progress line paint before the synchronous preparation runs.
    await new Promise((r) => setTimeout(r, 0));
    const prepared = api.prepareLessonStep(lesson, parsed.scenario.spec, parsed.scenario.manifests, step);
    if (prepared.ok) {
      log = prepared.commands;
      timeMs = prepared.timeMs;
    } else {
      startStep = 0;
      store.set({ note: { key: 'lessons.prepareFailed', values: { step: prepared.failedStep + 1, error: prepared.error } } });
    }
  }
  const opened = await openScenarioText(scenarioText, lesson.file, log);
  if (!opened.ok) {
    store.set({ busy: null });
    return { ok: false, errors: opened.errors };
  }
  // A newer open (the person picked something else meanwhile) wins: do not attach to its session.
  if (usePlayground.getState().scenario !== opened.scenario) return { ok: true };
  if (timeMs > 0) {
    store.set({ busy: { kind: 'prepare', progress: 0 } });
    await replayTo(timeMs);
  }
  useLessons.getState().set({
    active: { lesson, source, scenarioText, session: usePlayground.getState().session },
    busy: null,
    onQuestions: false,
    fileErrors: [],
    catalogOpen: false,
  });
  if (startStep === step) useLessons.getState().set({ note: null });
  attachStep(startStep);
  return { ok: true };
}

export async function openBundledLesson(id: string, k = 0): Promise<LessonOpenResult> {
  const catalog = await loadCatalog();
  const entry = catalog.find((e) => e.id === id);
  if (!entry) return { ok: false, errors: [i18next.t('lessons.noSuchLesson', { id })] };
  return openLesson(entry.lesson, entry.scenarioText, 'bundled', k);
}

/** Attach step k's check to the session from now on; the budget counts from this moment. */
export function attachStep(k: number): void {
  const { active } = useLessons.getState();
  const session = usePlayground.getState().session;
  if (!active || !session || active.session !== session) return;
  const step = active.lesson.steps[k];
  if (!step) return;
  engine().setSessionChecks(session, [{ id: engine().stepCheckId(k), check: step.check }]);
  useLessons.getState().set({ step: k, stepStartMs: session.world.timeMs, onQuestions: false, note: null, backConfirm: null });
  useLessons.getState().saveProgress(active.lesson.id, { step: k, questions: false });
  usePlayground.setState((s) => ({ version: s.version + 1 }));
}

export interface StepStatus {
  held: boolean;
  heldAtMs: number | null;
  observed?: number;
  observedUnit?: 'ms';
  /** Why it cannot hold now (an object the check names does not exist), from the engine. */
  reason?: Message;
}

/** A count as read (one decimal at most); a time or duration check's milliseconds as m:ss, like the clock. */
export function observedText(v: number, unit?: 'ms'): string {
  if (unit === 'ms') return formatSeconds(v / 1000);
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** The current step's check as the engine last evaluated it (null outside a lesson's session). */
export function currentStatus(): StepStatus | null {
  const { active, step, onQuestions } = useLessons.getState();
  const session = usePlayground.getState().session;
  if (!active || onQuestions || !session || active.session !== session) return null;
  const id = engine().stepCheckId(step);
  const s = engine()
    .sessionCheckStatuses(session)
    .find((c) => c.id === id);
  if (!s) return null;
  return {
    held: s.held,
    heldAtMs: s.heldAtMs,
    ...(s.observed !== undefined ? { observed: s.observed } : {}),
    ...(s.observedUnit !== undefined ? { observedUnit: s.observedUnit } : {}),
    ...(s.reason !== undefined ? { reason: s.reason } : {}),
  };
}

export function nextStep(): void {
  const { active, step } = useLessons.getState();
  if (!active) return;
  if (step + 1 < active.lesson.steps.length) return attachStep(step + 1);
  const session = usePlayground.getState().session;
  if (session) engine().clearSessionChecks(session);
  useLessons.getState().set({ onQuestions: true, note: null, backConfirm: null });
  useLessons.getState().saveProgress(active.lesson.id, { questions: true });
}

/**
 * Back: the previous step as the lesson prepares it (steps before it performed, each run until its
 * check held), the same deterministic state an instructor's link to that step opens. When the
 * person has run commands of their own, they would be dropped: the panel asks first (backConfirm).
 */
export function previousStep(confirmed = false): Promise<LessonOpenResult> | undefined {
  const { active, step, onQuestions } = useLessons.getState();
  if (!active || (!onQuestions && step === 0)) return undefined;
  return openPreparedStep(onQuestions ? active.lesson.steps.length - 1 : step - 1, confirmed, false);
}

/**
 * The instructor's jump to any step (the step dots): the step as the lesson prepares it, by the
 * path an instructor link takes (openLesson → prepareLessonStep), for a bundled lesson or a file.
 * Asks first, as Back does, when the person's own commands would be dropped.
 */
export function jumpToStep(target: number, confirmed = false): Promise<LessonOpenResult> | undefined {
  const { active, step, onQuestions } = useLessons.getState();
  if (!active || target < 0 || target >= active.lesson.steps.length || (target === step && !onQuestions)) return undefined;
  return openPreparedStep(target, confirmed, true);
}

function openPreparedStep(target: number, confirmed: boolean, jump: boolean): Promise<LessonOpenResult> | undefined {
  const { active } = useLessons.getState();
  if (!active) return undefined;
  const own = ownCommands();
  if (own.length > 0 && !confirmed) {
    useLessons.getState().set({ backConfirm: { step: target, commands: own, ...(jump ? { jump: true } : {}) } });
    return undefined;
  }
  cancelRunUntil();
  useLessons.getState().set({ backConfirm: null, note: null });
  return openLesson(active.lesson, active.scenarioText, active.source, target);
}

export function closeLesson(): void {
  const session = usePlayground.getState().session;
  if (session && useLessons.getState().active?.session === session) engine().clearSessionChecks(session);
  useLessons.getState().set({ active: null, onQuestions: false, busy: null, note: null, backConfirm: null });
}

/** "Show me": the step's console lines go through the console's own path (the terminal and the command log). */
export async function showMe(step: LessonStep): Promise<void> {
  const a = step.action;
  if (!a) return;
  const stdin = a.stdin;
  const parse = (line: string) => {
    const r = parseCommandLine(line, stdin === undefined ? {} : { stdin });
    // Every command the line stands for (`kubectl delete pod a b`), as the console applies them.
    return r.ok ? { ok: true as const, command: r.command, commands: r.commands } : { ok: false as const, error: r.error, ...(r.msg ? { msg: r.msg } : {}) };
  };
  for (const line of a.run) usePlayground.getState().run(line, parse);
  if (a.tab) useTabs.getState().setTab(a.tab);
  if (a.speed !== undefined) {
    usePlayground.getState().setSpeed(a.speed);
    usePlayground.getState().play();
  }
  const session = usePlayground.getState().session;
  if (a.runToMs !== undefined && session && a.runToMs > session.world.timeMs) await replayTo(a.runToMs);
}

let runToken = 0;

/**
 * Fast-forward until the step's check holds, at most its budget (from the moment the step began),
 * in slices of ~25 ms so the page keeps painting the progress; stop there, paused.
 */
export function runUntilHolds(): Promise<boolean> {
  const token = ++runToken;
  const { active, step, stepStartMs } = useLessons.getState();
  const session = usePlayground.getState().session;
  if (!active || !session || active.session !== session) return Promise.resolve(false);
  const s = active.lesson.steps[step];
  const deadline = Math.max(stepStartMs + s.withinMs, s.action?.runToMs ?? 0);
  const from = session.world.timeMs;
  const id = engine().stepCheckId(step);
  usePlayground.getState().pause();
  useLessons.getState().set({ busy: { kind: 'runUntil', progress: 0 }, note: null });
  return new Promise((resolve) => {
    const pump = () => {
      if (token !== runToken || usePlayground.getState().session !== session) {
        useLessons.getState().set({ busy: null });
        return resolve(false);
      }
      const started = performance.now();
      let status = currentStatus();
      while (!status?.held && session.world.timeMs + session.world.tickMs <= deadline && performance.now() - started < 25) {
        engine().advanceUntilHeld(session, id, Math.min(deadline, session.world.timeMs + 10 * session.world.tickMs));
        status = currentStatus();
      }
      const finished = status?.held === true || session.world.timeMs + session.world.tickMs > deadline;
      usePlayground.setState((st) => ({ version: st.version + 1 }));
      if (finished) {
        useLessons.getState().set({
          busy: null,
          // "Try Show me" only where the step has a Show me button.
          note: status?.held ? null : { key: s.action ? 'lessons.notHeld' : 'lessons.guide.notHeldNoShowMe', values: { minutes: Math.round((deadline - stepStartMs) / 60_000) } },
        });
        return resolve(status?.held === true);
      }
      useLessons.getState().set({ busy: { kind: 'runUntil', progress: (session.world.timeMs - from) / Math.max(1, deadline - from) } });
      setTimeout(pump, 0);
    };
    pump();
  });
}

export function cancelRunUntil(): void {
  runToken++;
  useLessons.getState().set({ busy: null });
}

/**
 * A lesson file from disk: checked like a scenario; on errors the running lesson is left as it is.
 * `mayReplace` is asked only once the file is valid (a broken file costs the run nothing, so there
 * is nothing to confirm; asked first, a declined question hid the file's errors).
 */
export async function openLessonFile(text: string, file: string, mayReplace: () => Promise<boolean> = () => Promise.resolve(true), k = 0): Promise<LessonOpenResult> {
  const api = await loadEngine();
  const r = await loadLessonFile(text, file);
  if (!r.ok) return { ok: false, errors: r.errors.map(formatError) };
  if (!(await mayReplace())) return { ok: false, errors: [] };
  const opened = await openLesson(r.lesson, r.scenarioText, 'file', k);
  if (!opened.ok) useLessons.getState().set({ fileErrors: opened.errors.map((text) => msg('scenarioNote.verbatim', { text })) });
  else if (useLessons.getState().active?.lesson === r.lesson) {
    // The instructor's link to it carries the file (#lessonfile=).
    useLessons.getState().set({ linkedFile: { lesson: r.lesson, param: lessonFileParam(text) } });
    // A check on an object nothing in the lesson creates is likely a typo: say so once the lesson is open.
    const warnings = api.lessonObjectWarnings(r.lesson, r.scenarioText).map((w) => `${file}:${w.line}: ${renderMessage(i18next.t, w.message)}`);
    if (warnings.length > 0) useLessons.getState().set({ note: { key: 'lessons.guide.fileWarnings', values: { warnings: warnings.join(' · ') } } });
  }
  return opened;
}

/** A lesson file checked; its errors are put in the lesson panel, in the reader's language (English, formatError, is what the CLI prints). */
async function loadLessonFile(text: string, file: string) {
  const r = (await loadEngine()).loadLesson(text, file, readExample);
  if (!r.ok) useLessons.getState().set({ fileErrors: r.errors.map(scenarioErrorMessage) });
  return r;
}

/** Does this lesson file have errors? They are put in the lesson panel (true), else false. */
export async function lessonFileProblems(text: string, file: string): Promise<boolean> {
  return !(await loadLessonFile(text, file)).ok;
}

/** A `#lessonfile=` link: the lesson it carries at its step, checked as a file from disk is; the default example if it has errors. */
async function startupLessonFile(req: LessonFileRequest): Promise<StartupOutcome['notice']> {
  const r = await openLessonFile(req.fileText, LINKED_LESSON_FILE, undefined, req.step);
  if (!r.ok) {
    // The errors stay in the lesson panel, located in the linked file.
    await openExample(DEFAULT_EXAMPLE);
    return { kind: 'error', key: 'lessons.fileLink.errors' };
  }
  const { active } = useLessons.getState();
  return active ? missingStepNotice({ id: active.lesson.id, step: req.step, ...(req.asked === undefined ? {} : { asked: req.asked }) }, active.lesson.steps.length) : null;
}

/** What the address bar or a first visit asked for at start-up; falls back to the default example. */
export async function startupLesson(req: NonNullable<StartupOutcome['lesson']>): Promise<StartupOutcome['notice']> {
  if ('fileText' in req) return startupLessonFile(req);
  // The catalog loads lazily; a scenario the person picks meanwhile must not be replaced by lesson 0.
  const since = openRequestCount();
  const catalog = await loadCatalog();
  if (openRequestCount() !== since) return null;
  const entry = 'first' in req ? catalog[0] : catalog.find((e) => e.id === req.id);
  if (entry) {
    const r = await openLesson(entry.lesson, entry.scenarioText, 'bundled', 'first' in req ? 0 : req.step, since);
    if (!r.ok) return fallBack(req);
    // Another open since (the person picked something else) left this lesson unopened: nothing to say.
    const opened = useLessons.getState().active?.lesson === entry.lesson;
    return opened && !('first' in req) ? missingStepNotice(req, entry.lesson.steps.length) : null;
  }
  return fallBack(req);
}

/** The lesson could not be opened: the default example instead, and for a link, why. */
async function fallBack(req: LessonLinkRequest | { first: true }): Promise<StartupOutcome['notice']> {
  await openExample(DEFAULT_EXAMPLE);
  return 'first' in req ? null : { kind: 'error', key: 'lessons.linkUnknown', values: { id: req.id } };
}
