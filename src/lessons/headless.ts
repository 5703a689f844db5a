import type { ScenarioError } from '../scenario/errors';
import { formatDuration } from '../scenario/duration';
import { loadScenario } from '../scenario/loadScenario';
import { loadLesson } from './loadLesson';
import { runStep } from './runLesson';
import { createSession } from '../sim/session';
import type { ExampleReader } from './scenarioText';
import type { Lang } from './types';
import type { Message } from '../sim/core/message';
import { describeCheck } from '../sim/checks/describe';
import { namedObjectWarnings } from './namedObjects';

export type LessonFileRun =
  | { loaded: false; errors: ScenarioError[] }
  | { loaded: true; ok: boolean; steps: number; failedStep?: number; lines: string[] };

/** The first line of a step's text, without Markdown emphasis, for one-line reports. */
export function firstLine(markdown: string, max = 72): string {
  const line = (markdown.split('\n').find((l) => l.trim() !== '') ?? '').replace(/[*_`#>]/g, '').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const t = (ms: number) => formatDuration(ms);

/**
 * The headless runner's core (src/cli/lesson.ts; tests call it too): load a lesson, run each step
 * in turn, report one line per step in `lang`, stop at the first step whose check does not hold.
 */
export function runLessonFile(
  text: string,
  file: string,
  readExample: ExampleReader,
  lang: Lang,
  print: (line: string) => void = () => {},
  /** The engine's messages in `lang` (the CLI reads the app's locale files); without it, lines leave them out. */
  render?: (m: Message) => string,
): LessonFileRun {
  const loaded = loadLesson(text, file, readExample);
  if (!loaded.ok) return { loaded: false, errors: loaded.errors };
  const { lesson } = loaded;
  const scenario = loadScenario(loaded.scenarioText, file);
  if (!scenario.ok) return { loaded: false, errors: scenario.errors };
  const lines: string[] = [];
  const out = (l: string) => {
    lines.push(l);
    print(l);
  };
  out(`${lesson.id}: ${lesson.title[lang]}`);
  if (render) for (const w of namedObjectWarnings(lesson, scenario.spec, scenario.manifests.map((m) => m.doc))) out(`  ! ${file}:${w.line}: warning: ${render(w.message)}`);
  const session = createSession(scenario.spec, scenario.manifests.map((m) => m.doc));
  const n = lesson.steps.length;
  for (let i = 0; i < n; i++) {
    const step = lesson.steps[i];
    const started = performance.now();
    const r = runStep(session, step, i);
    const wall = Math.round(performance.now() - started);
    const label = `step ${i + 1}/${n} (${file}:${step.line}) "${firstLine(step.text[lang])}"`;
    if (!r.ok) {
      // A check that cannot hold says what it checks and, when it names a missing object, why.
      const why = render && r.reason ? `: ${render(r.reason)}` : '';
      const what = render && r.outputs.every((o) => o.ok) ? ` [${render(describeCheck(step.check))}]${why}` : '';
      out(`  ✗ ${label}: ${r.error}${what}`);
      return { loaded: true, ok: false, steps: n, failedStep: i, lines };
    }
    const observed = session.checks?.entries[0]?.observed;
    out(`  ✓ ${label}: held at ${t(r.heldAtMs!)} (${t(r.heldAtMs! - r.startMs)} after the step began${observed === undefined ? '' : `, observed ${observed}`}), ${wall} ms`);
  }
  out(`  ${lesson.questions.length} question(s): ${lesson.questions.map((q) => firstLine(q.question[lang], 40)).join(' | ')}`);
  return { loaded: true, ok: true, steps: n, lines };
}
