import { readFileSync } from 'node:fs';
import { loadScenario } from '../../scenario/loadScenario';
import { advance, createSession, type Session } from '../session';

/** A session on one of the shipped examples (examples/NAME.yaml), for the checks' tests. */
export function exampleSession(name: string): Session {
  const file = `examples/${name}.yaml`;
  const loaded = loadScenario(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return createSession(loaded.spec, loaded.manifests.map((m) => m.doc));
}

/** Advance to a sim time in seconds. */
export function runTo(session: Session, seconds: number): Session {
  advance(session, seconds * 1000 - session.world.timeMs);
  return session;
}
