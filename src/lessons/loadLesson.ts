import { isScalar } from 'yaml';
import { scenarioErrorMessage, type ScenarioError, type PathSegment } from '../scenario/errors';
import { msg } from '../sim/core/message';
import { parseCommandLine } from '../scenario/commandLine';
import { parseDuration } from '../scenario/duration';
import { loadScenario } from '../scenario/loadScenario';
import { parseYamlStream, type YamlDocument } from '../scenario/yamlSource';
import { issuesToProblems } from '../scenario/zodIssues';
import { compileCheck } from './checkSchema';
import { lessonDocSchema, type LessonDoc } from './lessonSchema';
import { lessonScenarioText, type ExampleReader } from './scenarioText';
import { DEFAULT_BUDGET_MS, type Lesson, type LessonAction, type LessonStep } from './types';
import { pushAll } from '../sim/core/arrays';

export type LessonLoadResult =
  | { ok: true; lesson: Lesson; scenarioText: string; warnings: string[] }
  | { ok: false; errors: ScenarioError[] };

const msOf = (v: unknown): number => {
  const r = parseDuration(v);
  return r.ok ? r.ms : 0;
};

/** Positions of errors inside an inline scenario (`yaml: |`) → positions in the lesson file. */
function mapInline(src: YamlDocument, text: string, e: ScenarioError): ScenarioError {
  const path: PathSegment[] = ['scenario', 'yaml'];
  const node = src.nodeAt(path);
  const indicator = src.locate(path);
  const isBlock = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
  if (!isBlock) {
    const what = e.msg ?? msg('scenarioNote.verbatim', { text: e.message });
    const m = e.path ? msg('lessonError.inlineAt', { path: e.path, what }) : msg('lessonError.inline', { what });
    return src.errorAt(path, `inline scenario: ${e.path ? `${e.path}: ` : ''}${e.message}`, false, m);
  }
  const lines = text.split('\n');
  const firstContent = lines.slice(indicator.line).find((l) => l.trim() !== '') ?? '';
  const indent = firstContent.length - firstContent.trimStart().length;
  return { ...e, file: src.file, line: indicator.line + e.line, col: e.col + indent, path: e.path ? `scenario.yaml: ${e.path}` : 'scenario.yaml' };
}

/** Every command line of the lesson parses as the console would parse it. */
function commandErrors(doc: LessonDoc, src: YamlDocument): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const check = (line: string, path: PathSegment[], stdin?: string) => {
    const r = parseCommandLine(line, stdin === undefined ? {} : { stdin });
    // kubectl's and bash's own errors stay as they print them; the playground's carry a Message.
    if (!r.ok) errors.push(src.errorAt(path, r.error.replace(/\n+/g, ' ').replace(/\t/g, ''), false, r.msg));
  };
  doc.steps.forEach((s, i) => {
    const run = s.action?.run;
    if (typeof run === 'string') check(run, ['steps', i, 'action', 'run'], s.action?.stdin);
    else run?.forEach((line, j) => check(line, ['steps', i, 'action', 'run', j], s.action?.stdin));
  });
  if ('example' in doc.scenario) {
    doc.scenario.timeline?.forEach((entry, i) => {
      if (entry.run !== undefined) check(entry.run, ['scenario', 'timeline', i, 'run']);
    });
  }
  return errors;
}

function toAction(a: LessonDoc['steps'][number]['action']): LessonAction | undefined {
  if (!a) return undefined;
  const action: LessonAction = { run: a.run === undefined ? [] : typeof a.run === 'string' ? [a.run] : a.run };
  if (a.stdin !== undefined) action.stdin = a.stdin;
  if (a.tab !== undefined) action.tab = a.tab;
  if (a.speed !== undefined) action.speed = a.speed;
  if (a.runTo !== undefined) action.runToMs = msOf(a.runTo);
  return action;
}

/**
 * A lesson file (one YAML document, kind: Lesson; docs/lessons.md) → the lesson and the text of the
 * scenario it runs, or every error as FILE:LINE:COL (formatError). Checks are compiled, command
 * lines parsed, the scenario loaded. Never throws.
 */
export function loadLesson(text: string, file: string, readExample: ExampleReader): LessonLoadResult {
  try {
    return load(text, file, readExample);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, errors: [{ file, line: 1, col: 1, path: '', message: `internal error while reading the lesson: ${detail}`, msg: msg('lessonError.internal', { detail }) }] };
  }
}

function load(text: string, file: string, readExample: ExampleReader): LessonLoadResult {
  const stream = parseYamlStream(text, file);
  const errors: ScenarioError[] = [...stream.errors];
  if (stream.docs.length === 0 && errors.length === 0) {
    errors.push({ file, line: 1, col: 1, path: '', message: 'the lesson file is empty: expected apiVersion: playground/v1alpha1, kind: Lesson, id, title, summary, scenario, steps, questions', msg: msg('lessonError.empty') });
  }
  for (const extra of stream.docs.slice(1)) errors.push(extra.errorAt([], 'a lesson file holds one YAML document (put the scenario inline under scenario.yaml)', false, msg('lessonError.oneDocument')));
  const src = stream.docs[0];
  if (!src || errors.length > 0) return fail(errors);
  const raw = src.value as { steps?: unknown } | null;
  // Checks are validated even when other fields are wrong, so one pass shows every mistake.
  const rawSteps = raw && typeof raw === 'object' && Array.isArray(raw.steps) ? (raw.steps as unknown[]) : [];
  const checks = rawSteps.map((s, i) => {
    const check = s !== null && typeof s === 'object' ? (s as { check?: unknown }).check : undefined;
    if (check === undefined) {
      errors.push(src.errorAt(['steps', i], 'Required value: check (what must hold before the next step; see docs/lessons.md)', false, msg('lessonError.checkRequired')));
      return undefined;
    }
    const r = compileCheck(check, ['steps', i, 'check']);
    for (const p of r.problems) errors.push(src.errorAt(p.path, p.message, p.atKey, p.msg));
    return r.check;
  });
  const parsed = lessonDocSchema.safeParse(src.value);
  if (!parsed.success) {
    for (const p of issuesToProblems(parsed.error.issues, lessonDocSchema, src.value)) errors.push(src.errorAt(p.path, p.message, p.atKey, p.msg));
    return fail(errors);
  }
  const doc = parsed.data;
  doc.questions.forEach((q, i) => {
    if (q.answer >= q.choices.length) {
      const last = q.choices.length - 1;
      errors.push(src.errorAt(['questions', i, 'answer'], `answer is the index of the correct choice, 0 to ${last} (got ${q.answer})`, false, msg('lessonError.answerIndex', { last, answer: q.answer })));
    }
  });
  pushAll(errors, commandErrors(doc, src));
  const scenario = lessonScenarioText(doc.scenario, readExample);
  let scenarioText = '';
  const warnings: string[] = [];
  if (!scenario.ok) errors.push(src.errorAt(scenario.path, scenario.message, false, scenario.msg));
  else {
    scenarioText = scenario.text;
    const loaded = loadScenario(scenario.text, scenario.file);
    if (!loaded.ok) {
      for (const e of loaded.errors) {
        if ('yaml' in doc.scenario) errors.push(mapInline(src, text, e));
        // The example's own error, located in the example (formatError's words, in the reader's language).
        else errors.push(src.errorAt(['scenario'], `${e.file}:${e.line}:${e.col}: ${e.path ? `${e.path}: ` : ''}${e.message}`, false, scenarioErrorMessage(e)));
      }
    } else pushAll(warnings, loaded.warnings);
  }
  if (errors.length > 0) return fail(errors);
  const steps: LessonStep[] = doc.steps.map((s, i) => {
    const step: LessonStep = { text: s.text, check: checks[i]!, withinMs: s.within === undefined ? DEFAULT_BUDGET_MS : msOf(s.within), line: src.locate(['steps', i]).line };
    if (s.hint) step.hint = s.hint;
    const action = toAction(s.action);
    if (action) step.action = action;
    return step;
  });
  const lesson: Lesson = {
    id: doc.id,
    title: doc.title,
    summary: doc.summary,
    scenario: doc.scenario,
    steps,
    questions: doc.questions,
    file,
  };
  return { ok: true, lesson, scenarioText, warnings };
}

function fail(errors: ScenarioError[]): LessonLoadResult {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const k = `${e.line}:${e.col}:${e.path}:${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { ok: false, errors: unique.sort((a, b) => a.line - b.line || a.col - b.col) };
}
