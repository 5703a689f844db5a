// i18n-exempt-file: a test helper (node:fs), never in the app.
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../scenario/loadScenario';
import { advance, createSession, type Session } from '../../sim/session';

/** Test helper: an example scenario from examples/ run headless for `seconds` of sim time. */
export function runExample(id: string, seconds: number): Session {
  const file = `examples/${id}.yaml`;
  const loaded = loadScenario(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${JSON.stringify(loaded.errors)}`);
  const session = createSession(
    loaded.spec,
    loaded.manifests.map((m) => m.doc),
  );
  advance(session, seconds * 1000);
  return session;
}
