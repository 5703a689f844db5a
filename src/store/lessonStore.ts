import type { Message } from '../sim/core/message';
import { create } from 'zustand';
import type { Lesson } from '../lessons/types';
import type { Session } from '../sim/session';
import { usePlayground } from './playgroundStore';

/**
 * Workshop mode's UI state: the lesson on screen, its step, and the student's progress. The engine
 * owns the truth about checks (they are attached to the session and evaluated per tick); this store
 * only says which step the panel shows and which session the lesson was opened on.
 */
export interface ActiveLesson {
  lesson: Lesson;
  /** Where it came from: a bundled lesson can be linked to (#lesson=ID), a file from disk cannot. */
  source: 'bundled' | 'file';
  /** The scenario file it runs (to reopen it at a step). */
  scenarioText: string;
  /** The session the lesson's checks are attached to; another session means the person left the lesson. */
  session: Session | null;
}

export interface LessonProgress {
  /** 0-based step the student is on. */
  step: number;
  /** Questions answered: question index → chosen choice index. */
  answers: Record<number, number>;
  /** On the questions page (all steps done). */
  questions: boolean;
  done: boolean;
}

export interface RecordingState {
  /** Sim time and log length when recording began; the draft is what follows. */
  startMs: number;
  logStart: number;
  scenarioText: string;
  scenarioFile: string;
}

/** A bundled lesson, parsed (for the picker and the start screen). */
export interface CatalogEntry {
  id: string;
  file: string;
  lesson: Lesson;
  scenarioText: string;
}

interface LessonState {
  catalog: CatalogEntry[];
  /** The shipped lessons are fetched and parsed after start-up: until then the catalog says it is loading. */
  catalogLoaded: boolean;
  active: ActiveLesson | null;
  step: number;
  /** Sim time the current step began (its check was attached): the budget counts from here. */
  stepStartMs: number;
  onQuestions: boolean;
  /** Progress of "run until this check holds" or of preparing a step (0..1), null when idle. */
  busy: { kind: 'prepare' | 'runUntil'; progress: number } | null;
  /** Located errors of the last lesson file that failed to load (FILE:LINE:COL: …), rendered in the reader's language. */
  fileErrors: Message[];
  /** A note for the panel (e.g. the check did not hold within its budget). */
  note: { key: string; values?: Record<string, string | number> } | null;
  /**
   * Back was pressed after the person ran commands of their own: going back restores the earlier
   * step as the lesson prepares it, without those commands, so the panel asks first.
   */
  backConfirm: { step: number; commands: string[]; /** The instructor's jump to a step, not Back. */ jump?: boolean } | null;
  instructor: boolean;
  recording: RecordingState | null;
  catalogOpen: boolean;
  /** The lesson last opened from a file, with its text compressed for a `#lessonfile=` link. */
  linkedFile: { lesson: Lesson; param: string } | null;
  progress: Record<string, LessonProgress>;
  set: (patch: Partial<Omit<LessonState, 'set' | 'saveProgress' | 'clearProgress'>>) => void;
  saveProgress: (id: string, patch: Partial<LessonProgress>) => void;
  /** Forget a lesson's progress (the catalog's "Start over"). */
  clearProgress: (id: string) => void;
}

const PROGRESS_KEY = 'playground.lessons.progress.v1';
const INSTRUCTOR_KEY = 'playground.lessons.instructor';

function readProgress(): Record<string, LessonProgress> {
  try {
    const raw = globalThis.localStorage?.getItem(PROGRESS_KEY);
    const v: unknown = raw ? JSON.parse(raw) : {};
    if (!v || typeof v !== 'object') return {};
    const out: Record<string, LessonProgress> = {};
    for (const [id, p] of Object.entries(v as Record<string, Partial<LessonProgress>>)) {
      if (typeof p?.step !== 'number' || !Number.isInteger(p.step) || p.step < 0) continue;
      out[id] = { step: p.step, answers: typeof p.answers === 'object' && p.answers ? p.answers : {}, questions: p.questions === true, done: p.done === true };
    }
    return out;
  } catch {
    return {};
  }
}

function writeProgress(p: Record<string, LessonProgress>): void {
  try {
    globalThis.localStorage?.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    /* storage blocked: progress lasts for this page only */
  }
}

function readInstructor(): boolean {
  try {
    return globalThis.localStorage?.getItem(INSTRUCTOR_KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberInstructor(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(INSTRUCTOR_KEY, on ? '1' : '0');
  } catch {
    /* ignore */
  }
}

export const useLessons = create<LessonState>((set, get) => ({
  catalog: [],
  catalogLoaded: false,
  active: null,
  step: 0,
  stepStartMs: 0,
  onQuestions: false,
  busy: null,
  fileErrors: [],
  note: null,
  backConfirm: null,
  instructor: readInstructor(),
  recording: null,
  catalogOpen: false,
  linkedFile: null,
  progress: readProgress(),
  set: (patch) => set(patch),
  saveProgress(id, patch) {
    const prev = get().progress[id] ?? { step: 0, answers: {}, questions: false, done: false };
    const progress = { ...get().progress, [id]: { ...prev, ...patch } };
    writeProgress(progress);
    set({ progress });
  },
  clearProgress(id) {
    const progress = { ...get().progress };
    delete progress[id];
    writeProgress(progress);
    set({ progress });
  },
}));

/** Has this browser seen the playground before (anything saved)? The first visit opens lesson 0. */
export function hasLessonProgress(): boolean {
  return Object.keys(useLessons.getState().progress).length > 0;
}

/**
 * Commands in the run that no lesson step performs (lines typed in the console, slider moves,
 * faults), or null when no lesson runs this session. A step's prepared state is computed from the
 * lesson alone, so going back, or replacing the run, loses only these.
 */
export function lessonOwnCommands(): string[] | null {
  const { active } = useLessons.getState();
  const session = usePlayground.getState().session;
  if (!active || !session || active.session !== session) return null;
  const lessonLines = new Set(active.lesson.steps.flatMap((s) => s.action?.run ?? []));
  return session.log.filter((c) => !lessonLines.has(c.input)).map((c) => c.input);
}

/** lessonOwnCommands, with no lesson running meaning none. */
export function ownCommands(): string[] {
  return lessonOwnCommands() ?? [];
}
