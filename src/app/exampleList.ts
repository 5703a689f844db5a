import { scenarioMeta, type ScenarioMeta } from '../scenario/exampleMeta';

/** The example scenarios shipped in examples/, bundled as text (parsing them is lazy: see scenarioLoading.ts). */
const files = import.meta.glob<string>('../../examples/*.yaml', { query: '?raw', import: 'default', eager: true });

export const exampleScenarios: { id: string; file: string; text: string }[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.split('/').pop()!;
    return { id: file.replace(/\.yaml$/, ''), file: `examples/${file}`, text };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

/** An example's title and one-line description in English and Korean, from its file (cached). */
const metaCache = new Map<string, ScenarioMeta>();
export function exampleMeta(id: string): ScenarioMeta {
  let meta = metaCache.get(id);
  if (!meta) {
    const text = exampleScenarios.find((e) => e.id === id)?.text;
    meta = text === undefined ? {} : scenarioMeta(text);
    metaCache.set(id, meta);
  }
  return meta;
}
