import type { ManifestDoc } from '../core/commands';
import type { World } from '../core/types';

/**
 * One API kind the playground understands: how `kubectl apply` creates it, how `kubectl get`,
 * `describe` and `delete` find it. Built-in kinds and each autoscaler register one here, so the
 * command layer never needs to know about a particular autoscaler.
 */
export interface ResourceKind {
  kind: string;
  /** API group for messages, e.g. "apps" → deployment.apps/x; "" for the core group. */
  group: string;
  apiVersions: string[];
  /**
   * The group/version discovery serves the kind under (`kubectl api-resources`), when `apiVersions`
   * (what apply accepts) does not say: kinds the playground lists but never applies. Kinds with
   * neither are the playground's own views and are not served.
   */
  servedVersion?: string;
  /** What the API server warns on every read of this kind (a deprecated API); kubectl prints it once. */
  warning?: string;
  /** Names kubectl accepts: singular, plural and short names, lower case. */
  names: string[];
  plural: string;
  namespaced: boolean;
  /** Create or update from a manifest; returns "created" | "configured" | "unchanged", or throws. */
  apply?(world: World, doc: ManifestDoc): 'created' | 'configured' | 'unchanged';
  /** Warnings to print on apply (e.g. deprecated API versions). */
  warnings?(doc: ManifestDoc): string[];
  list(world: World): { name: string; namespace: string }[];
  get(world: World, names: { name: string; namespace: string }[], output: string): string;
  describe?(world: World, name: string, namespace: string): string;
  /** The object as the API server returns it, for -o yaml|json|jsonpath|custom-columns and --sort-by. */
  object?(world: World, name: string, namespace: string): Record<string, unknown>;
  delete?(world: World, name: string, namespace: string): void;
}

const kinds: ResourceKind[] = [];

export function registerKind(k: ResourceKind): void {
  if (!kinds.includes(k)) kinds.push(k);
}

export function kindByName(name: string): ResourceKind | undefined {
  const n = name.toLowerCase();
  return kinds.find((k) => k.names.includes(n) || `${k.plural}.${k.group}` === n);
}

export function kindByManifest(apiVersion: string, kind: string): ResourceKind | undefined {
  return kinds.find((k) => k.kind === kind && k.apiVersions.includes(apiVersion));
}

export function kindByKind(kind: string): ResourceKind | undefined {
  return kinds.find((k) => k.kind === kind);
}

export function allKinds(): readonly ResourceKind[] {
  return kinds;
}

/** "deployment.apps/php-apache", "service/php-apache". */
export function qualifiedName(k: ResourceKind, name: string): string {
  return `${k.kind.toLowerCase()}${k.group ? `.${k.group}` : ''}/${name}`;
}

/** kubectl's NotFound error text. */
export function notFound(k: ResourceKind, name: string): string {
  return `Error from server (NotFound): ${k.plural}${k.group ? `.${k.group}` : ''} "${name}" not found`;
}
