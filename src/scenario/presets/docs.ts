/**
 * A scenario file as plain documents for the run-B presets: parse, transform, write back. Comments
 * are not kept (run B is generated; the header says from what).
 */
import { parseAllDocuments, stringify } from 'yaml';

export type Doc = Record<string, unknown>;

export interface ScenarioDocs {
  scenario: Doc;
  manifests: Doc[];
}

export const isRecord = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

export function parseScenarioDocs(text: string): ScenarioDocs | { error: string } {
  const parsed = parseAllDocuments(text);
  if (!Array.isArray(parsed)) return { error: 'no documents' };
  const values: Doc[] = [];
  for (const d of parsed) {
    if (d.errors.length > 0) return { error: d.errors[0].message };
    const v: unknown = d.toJS();
    if (v === null || v === undefined) continue;
    if (!isRecord(v)) return { error: 'a document is not a mapping' };
    values.push(v);
  }
  const scenario = values.find((v) => v.kind === 'Scenario');
  if (!scenario) return { error: 'no Scenario document' };
  return { scenario: structuredClone(scenario), manifests: values.filter((v) => v !== scenario).map((v) => structuredClone(v)) };
}

export function writeScenarioDocs(docs: ScenarioDocs, header: string): string {
  const body = [docs.scenario, ...docs.manifests].map((d) => stringify(d, { lineWidth: 0 }).trimEnd()).join('\n---\n');
  return `${header.split('\n').map((l) => `# ${l}`).join('\n')}\n${body}\n`;
}

export function specOf(docs: ScenarioDocs): Doc {
  if (!isRecord(docs.scenario.spec)) docs.scenario.spec = {};
  return docs.scenario.spec as Doc;
}

export function nameOf(doc: Doc): string {
  return isRecord(doc.metadata) && typeof doc.metadata.name === 'string' ? doc.metadata.name : '';
}

export function setScenarioName(docs: ScenarioDocs, suffix: string): string {
  const meta = isRecord(docs.scenario.metadata) ? docs.scenario.metadata : (docs.scenario.metadata = {});
  const base = typeof meta.name === 'string' && meta.name ? meta.name : 'scenario';
  const name = `${base}-${suffix}`;
  meta.name = name;
  return name;
}

/** Containers of a workload's pod template (Deployment, StatefulSet, DaemonSet). */
export function containersOf(doc: Doc): Doc[] {
  const spec = isRecord(doc.spec) ? doc.spec : undefined;
  const template = spec && isRecord(spec.template) ? spec.template : undefined;
  const podSpec = template && isRecord(template.spec) ? template.spec : undefined;
  return podSpec && Array.isArray(podSpec.containers) ? podSpec.containers.filter(isRecord) : [];
}

/** The last path segment of an image without tag or digest, as the engine finds controllers. */
export function imageRepository(image: unknown): string {
  if (typeof image !== 'string') return '';
  return (image.split('@')[0].split('/').pop() ?? '').split(':')[0];
}

export function runsImage(doc: Doc, repository: string): boolean {
  return doc.kind === 'Deployment' && containersOf(doc).some((c) => imageRepository(c.image) === repository);
}
