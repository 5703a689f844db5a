import { loadScenario } from '../scenario/loadScenario';
import { formatError } from '../scenario/errors';
import type { LoadedScenario } from '../store/playgroundStore';

/** The example scenarios shipped in examples/, bundled as text. */
const files = import.meta.glob<string>('../../examples/*.yaml', { query: '?raw', import: 'default', eager: true });

export const exampleScenarios: { id: string; file: string; text: string }[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.split('/').pop()!;
    return { id: file.replace(/\.yaml$/, ''), file: `examples/${file}`, text };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

export type ScenarioParse = { ok: true; scenario: LoadedScenario } | { ok: false; errors: string[] };

export function parseScenarioText(text: string, file: string): ScenarioParse {
  const r = loadScenario(text, file);
  if (!r.ok) return { ok: false, errors: r.errors.map(formatError) };
  return {
    ok: true,
    scenario: { text, file, spec: r.spec, manifests: r.manifests.map((m) => m.doc), notices: r.notices, warnings: r.warnings },
  };
}
