import type { Check } from '../sim/checks/types';

/** A lesson after validation (docs/lessons.md is the file format; this is what the app and runner use). */
export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** Text in both languages (short Markdown). */
export interface Text {
  en: string;
  ko: string;
}

/** Bottom tabs a step can open (the app's TabId). */
export const LESSON_TABS = ['console', 'events', 'logs', 'yaml', 'autoscalers', 'statecharts', 'why'] as const;
export type LessonTab = (typeof LESSON_TABS)[number];

/**
 * What "Show me" does. `run` lines are console command lines (into the command log, as typed);
 * `tab` and `speed` are UI intents the engine ignores; `runToMs` runs the simulation to that sim time.
 */
export interface LessonAction {
  run: string[];
  /** stdin of `kubectl apply -f -` (the manifest), for the run line that reads it. */
  stdin?: string;
  tab?: LessonTab;
  speed?: number;
  runToMs?: number;
}

export interface LessonStep {
  text: Text;
  hint?: Text;
  action?: LessonAction;
  check: Check;
  /** Sim time the check may take, from the moment the step begins (default DEFAULT_BUDGET_MS). */
  withinMs: number;
  /** 1-based line of the step in its file (for messages). */
  line: number;
}

export interface LessonQuestion {
  question: Text;
  choices: Text[];
  /** Index of the correct choice. */
  answer: number;
  explanation: Text;
}

/** The scenario a lesson runs: an example (optionally with its timeline replaced) or a whole inline file. */
export type LessonScenario =
  | { example: string; timeline?: { at: string | number; run?: string; apply?: unknown }[]; duration?: string | number }
  | { yaml: string };

export interface Lesson {
  id: string;
  title: Text;
  summary: Text;
  scenario: LessonScenario;
  steps: LessonStep[];
  questions: LessonQuestion[];
  /** File name it was read from. */
  file: string;
}

/** 30 simulated minutes: a step's budget when it names none. */
export const DEFAULT_BUDGET_MS = 30 * 60_000;
