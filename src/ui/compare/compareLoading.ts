/** The heavy parts of compare mode (presets, the cluster import, validators), loaded with the tab. */
import { formatError, scenarioErrorMessage } from '../../scenario/errors';
import type { Message } from '../../sim/core/message';
import { loadScenario } from '../../scenario/loadScenario';
import type { LoadedScenario } from '../../store/playgroundStore';

export { applyPreset, presetsFor, PRESET_IDS, type PresetId, type PresetResult } from '../../scenario/presets';
export { importCluster, importErrorMessage, countsMessage, type ImportResult } from '../../scenario/import';

/** `errors` are the CLI's English lines; `messages` the same, in the same order, for the reader's language. */
export function parseScenario(text: string, file: string): { ok: true; scenario: LoadedScenario } | { ok: false; errors: string[]; messages: Message[] } {
  const r = loadScenario(text, file);
  if (!r.ok) return { ok: false, errors: r.errors.map(formatError), messages: r.errors.map(scenarioErrorMessage) };
  return { ok: true, scenario: { text, file, spec: r.spec, manifests: r.manifests.map((m) => m.doc), notices: r.noticeMsgs, warnings: r.warningMsgs } };
}
