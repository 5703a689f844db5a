import { parseAllDocuments } from 'yaml';
import type { LessonScenario } from './types';
import { msg, type Message } from '../sim/core/message';

/** Reads an example's text by name (examples/NAME.yaml): from disk in the CLI, from the bundle in the app. */
export type ExampleReader = (name: string) => string | undefined;

/** `message` is the English the CLI prints; `msg` the same in the reader's language (lessonError.*). */
export type ScenarioTextResult = { ok: true; text: string; file: string } | { ok: false; message: string; msg: Message; path: (string | number)[] };

/**
 * The scenario file a lesson runs, as text (what the app loads, shows in its YAML tab and shares):
 * the example itself; the example with its Scenario's timeline (and duration) replaced, so a lesson
 * can start the load when a step's action runs rather than on the example's clock; or inline YAML.
 */
export function lessonScenarioText(scenario: LessonScenario, readExample: ExampleReader): ScenarioTextResult {
  if ('yaml' in scenario) return { ok: true, text: scenario.yaml, file: 'scenario' };
  const text = readExample(scenario.example);
  if (text === undefined) return { ok: false, message: `no example named "${scenario.example}" (examples/${scenario.example}.yaml)`, msg: msg('lessonError.noExample', { name: scenario.example }), path: ['scenario', 'example'] };
  const file = `examples/${scenario.example}.yaml`;
  if (scenario.timeline === undefined && scenario.duration === undefined) return { ok: true, text, file };
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return { ok: false, message: `${file} is empty`, msg: msg('lessonError.exampleEmpty', { file }), path: ['scenario', 'example'] };
  const doc = docs.find((d) => d.get('kind') === 'Scenario');
  if (!doc || doc.errors.length > 0) return { ok: false, message: `${file} has no readable Scenario document`, msg: msg('lessonError.exampleNoScenario', { file }), path: ['scenario', 'example'] };
  if (scenario.timeline !== undefined) {
    if (scenario.timeline.length === 0) doc.deleteIn(['spec', 'timeline']);
    else doc.setIn(['spec', 'timeline'], doc.createNode(scenario.timeline, { flow: false }));
  }
  if (scenario.duration !== undefined) doc.setIn(['spec', 'duration'], scenario.duration);
  const out = docs.map((d, i) => {
    const s = d.toString({ lineWidth: 0 });
    return i === 0 || s.startsWith('---') ? s : `---\n${s}`;
  });
  return { ok: true, text: out.join(''), file };
}
