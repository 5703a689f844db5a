/**
 * Everything that validates scenario text or share links: the YAML parser, zod schemas and manifest
 * validators. It weighs more than the rest of the first screen, so the app imports it lazily.
 */
import { loadScenario } from '../scenario/loadScenario';
import { scenarioErrorMessage } from '../scenario/errors';
import type { LoadedScenario } from '../store/playgroundStore';
import { i18next } from '../ui/i18n';
import { renderMessage } from '../ui/i18n/message';

export { decodeRunHash, encodeRunHash } from './share/shareLink';

export type ScenarioParse = { ok: true; scenario: LoadedScenario } | { ok: false; errors: string[] };

/**
 * Errors come in the reader's language, as the YAML editor and a lesson file word them (the scenario
 * picker, a share link and a lesson's scenario show them); in English they read as the CLI prints them.
 */
export function parseScenarioText(text: string, file: string): ScenarioParse {
  const r = loadScenario(text, file);
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => renderMessage(i18next.t, scenarioErrorMessage(e))) };
  return {
    ok: true,
    scenario: { text, file, spec: r.spec, manifests: r.manifests.map((m) => m.doc), notices: r.noticeMsgs, warnings: r.warningMsgs },
  };
}
