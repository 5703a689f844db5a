// i18n-exempt-file: writes the text of a lesson file (YAML an author edits, with TODO texts in en and ko), not the UI.
/**
 * "Record a lesson draft": what an instructor did (console commands, slider moves, waits) as a
 * lesson in lessons-core's file format (docs/lessons.md). Each recorded command becomes a step whose
 * "Show me" performs it and then runs to the moment of the next one; the texts, hints and the
 * question are placeholders the instructor writes. Pure: the panel passes what the session logged.
 */
export interface RecordedCommand {
  atMs: number;
  input: string;
}

export interface DraftInput {
  /** A bundled example the run started from, or the scenario's whole text. */
  scenario: { example: string } | { yaml: string };
  /** The example's own timeline plus commands before the recording began (they replay at their times). */
  before: RecordedCommand[];
  startMs: number;
  endMs: number;
  commands: RecordedCommand[];
  /** Commands with no command-line form (they cannot be a step's `run`); named in a comment. */
  leftOut: string[];
}

const secs = (ms: number) => `${Math.max(0, Math.round(ms / 1000))}s`;
const todo = (what: string) => ({ en: `TODO (English): ${what}`, ko: `TODO (한국어): ${what}` });

export function lessonDraftObject(d: DraftInput): Record<string, unknown> {
  const scenario: Record<string, unknown> =
    'example' in d.scenario && d.before.length > 0
      ? { example: d.scenario.example, timeline: d.before.map((c) => ({ at: secs(c.atMs), run: c.input })) }
      : { ...d.scenario };
  const steps: Record<string, unknown>[] = [];
  const waitStep = (toMs: number, what: string) => ({
    text: todo(what),
    action: { runTo: secs(toMs) },
    check: { type: 'time', op: '>=', value: secs(toMs) },
    within: secs(toMs - d.startMs + 60_000),
  });
  const first = d.commands[0]?.atMs ?? d.endMs;
  if (first > d.startMs || d.commands.length === 0) steps.push(waitStep(first, 'what to watch before the first command'));
  d.commands.forEach((c, i) => {
    const until = d.commands[i + 1]?.atMs ?? d.endMs;
    steps.push({
      text: todo(`what \`${c.input}\` does and what to watch`),
      hint: todo('a hint'),
      action: until > c.atMs ? { run: c.input, runTo: secs(until) } : { run: c.input },
      check: { type: 'time', op: '>=', value: secs(until) },
      within: secs(until - c.atMs + 60_000),
    });
  });
  return {
    apiVersion: 'playground/v1alpha1',
    kind: 'Lesson',
    id: 'my-lesson',
    title: todo('the title'),
    summary: todo('one line about the lesson'),
    scenario,
    steps,
    questions: [{ question: todo('a question the student answers from the screen'), choices: [todo('the right answer'), todo('a wrong answer')], answer: 0, explanation: todo('why') }],
  };
}

/** The draft as YAML text, with a header saying what to fill in (yaml is loaded with the validators). */
export async function lessonDraftText(d: DraftInput): Promise<string> {
  const { stringify } = await import('yaml');
  const head = [
    '# Lesson draft recorded in the Autoscaling Playground. Replace every TODO text (English and Korean),',
    '# replace the time checks with checks on what the student should see (docs/lessons.md), then run',
    '#   npm run lesson -- lessons/NN-my-lesson.yaml',
    ...d.leftOut.map((c) => `# Left out (no command-line form, set it in the scenario instead): ${c}`),
  ];
  return `${head.join('\n')}\n${stringify(lessonDraftObject(d), { lineWidth: 0 })}`;
}
