/**
 * Everything that validates scenario text or share links: the YAML parser, zod schemas and manifest
 * validators. It weighs more than the rest of the first screen, so the app imports it lazily.
 */
import { loadScenario } from '../scenario/loadScenario';
import { formatError } from '../scenario/errors';
import type { LoadedScenario } from '../store/playgroundStore';

export { decodeRunHash, encodeRunHash } from './share/shareLink';

export type ScenarioParse = { ok: true; scenario: LoadedScenario } | { ok: false; errors: string[] };

export function parseScenarioText(text: string, file: string): ScenarioParse {
  const r = loadScenario(text, file);
  if (!r.ok) return { ok: false, errors: r.errors.map(formatError) };
  return {
    ok: true,
    scenario: { text, file, spec: r.spec, manifests: r.manifests.map((m) => m.doc), notices: r.noticeMsgs, warnings: r.warningMsgs },
  };
}
