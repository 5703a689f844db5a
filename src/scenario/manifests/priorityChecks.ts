import type { ManifestDoc } from '../../sim/core/commands';
import { SYSTEM_PRIORITY_CLASSES } from '../../sim/cluster/scheduling/priorityClasses';
import { msg } from '../../sim/core/message';
import type { PathSegment, ScenarioError } from '../errors';
import type { YamlDocument } from '../yamlSource';

/**
 * The checks that need every document of the file at once: a pod template may name a PriorityClass
 * defined further down (the engine applies classes first), and only one class may be the global
 * default. The API server's Priority admission refuses a pod whose class does not exist, so a
 * Deployment naming one would never get a pod: that is an error here, at the field.
 */

export interface CheckedManifest {
  src: YamlDocument;
  doc: ManifestDoc;
  /** Prefix for the error's path, naming the timeline entry an inline manifest came from. */
  where?: string;
}

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function podSpecPath(doc: ManifestDoc): PathSegment[] | undefined {
  if (doc.kind === 'Pod') return ['spec'];
  if (doc.kind === 'Deployment' || doc.kind === 'DaemonSet') return ['spec', 'template', 'spec'];
  return undefined;
}

function specAt(doc: ManifestDoc, path: PathSegment[]): Record<string, unknown> {
  let v: unknown = doc;
  for (const p of path) v = obj(v)[p];
  return obj(v);
}

function located(m: CheckedManifest, e: ScenarioError): ScenarioError {
  return m.where ? { ...e, path: e.path ? `${m.where}: ${e.path}` : m.where } : e;
}

export function priorityClassProblems(manifests: readonly CheckedManifest[]): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const classes = manifests.filter((m) => m.doc.kind === 'PriorityClass' && m.doc.apiVersion === 'scheduling.k8s.io/v1');
  const known = new Set<string>(SYSTEM_PRIORITY_CLASSES.map((c) => c.name));
  let globalDefault: string | undefined;
  for (const m of classes) {
    const rawName = obj(m.doc.metadata).name;
    const name = typeof rawName === 'string' ? rawName : '';
    known.add(name);
    if (m.doc.globalDefault !== true) continue;
    if (globalDefault !== undefined && globalDefault !== name) {
      const message = `priorityclasses.scheduling.k8s.io "${name}" is forbidden: PriorityClass ${globalDefault} is already marked as default. Only one default can exist`;
      errors.push(located(m, m.src.errorAt(['globalDefault'], message, false, msg('scenarioError.manifest.secondGlobalDefault', { name, other: globalDefault }))));
    } else globalDefault = name;
  }
  const list = [...known].sort().join(', ');
  for (const m of manifests) {
    const path = podSpecPath(m.doc);
    if (!path) continue;
    const className = specAt(m.doc, path).priorityClassName;
    if (typeof className !== 'string' || className === '' || known.has(className)) continue;
    const message = `no PriorityClass with name ${className} was found: the API server's Priority admission would refuse every pod of it (PriorityClasses here: ${list})`;
    errors.push(located(m, m.src.errorAt([...path, 'priorityClassName'], message, false, msg('scenarioError.manifest.unknownPriorityClass', { name: className, known: list }))));
  }
  return errors;
}
