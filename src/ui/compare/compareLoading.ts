/** The heavy parts of compare mode (presets, the cluster import, validators), loaded with the tab. */
import { formatError, scenarioErrorMessage, type ScenarioError } from '../../scenario/errors';
import { importedObjectAt } from '../../scenario/import/objectAt';
import { msg, type Message } from '../../sim/core/message';
import { loadScenario } from '../../scenario/loadScenario';
import type { LoadedScenario } from '../../store/playgroundStore';

export { applyPreset, presetsFor, PRESET_IDS, type PresetId, type PresetResult } from '../../scenario/presets';
export { importCluster, importErrorMessage, countsMessage, type ImportResult } from '../../scenario/import';

/** `errors` are the CLI's English lines; `messages` the same, in the same order, for the reader's language. */
export function parseScenario(text: string, file: string): { ok: true; scenario: LoadedScenario } | { ok: false; errors: string[]; messages: Message[] } {
  const r = loadScenario(text, file);
  if (!r.ok) return { ok: false, errors: r.errors.map(formatError), messages: r.errors.map(scenarioErrorMessage) };
  return { ok: true, scenario: loaded(text, file, r) };
}

function loaded(text: string, file: string, r: Extract<ReturnType<typeof loadScenario>, { ok: true }>): LoadedScenario {
  return { text, file, spec: r.spec, manifests: r.manifests.map((m) => m.doc), notices: r.noticeMsgs, warnings: r.warningMsgs };
}

/**
 * The import's written scenario, loaded as "Run it as A" would. Its errors name the pasted object
 * ("the pasted Deployment shop/api … spec.replicas: …"): a line of imported.yaml means nothing to a
 * person who pasted kubectl output and never sees that file.
 */
export function loadImported(text: string): { ok: true; scenario: LoadedScenario } | { ok: false; messages: Message[] } {
  const r = loadScenario(text, 'imported.yaml');
  if (r.ok) return { ok: true, scenario: loaded(text, 'imported.yaml', r) };
  return { ok: false, messages: r.errors.map((e) => importedErrorMessage(text, e)) };
}

function importedErrorMessage(text: string, e: ScenarioError): Message {
  const object = importedObjectAt(text, e.line);
  if (!object) return scenarioErrorMessage(e);
  const what = e.msg ?? msg('scenarioNote.verbatim', { text: e.message });
  // The Scenario document is the import's own (node groups from the pasted Nodes), not something pasted.
  if (object.kind === 'Scenario' && e.path) return msg('compare.import.cannotRunScenario', { path: e.path, what });
  return e.path ? msg('compare.import.cannotRun', { ...object, path: e.path, what }) : msg('compare.import.cannotRunDoc', { ...object, what });
}
