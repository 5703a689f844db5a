import type { ManifestDoc } from '../../sim/core/commands';
import type { PathSegment } from '../errors';

/** A finding of an autoscaler module about its own manifest: a field path and what is wrong. */
export interface ManifestIssue {
  /** "spec.minReplicas", "spec.triggers[0].metadata", or a path array. */
  path: string | PathSegment[];
  message: string;
  /** 'notice' for valid-but-not-simulated fields; errors by default. */
  severity?: 'error' | 'notice';
}

export type ManifestValidator = (doc: ManifestDoc) => ManifestIssue[];

const validators = new Map<string, ManifestValidator[]>();

/**
 * Autoscaler modules register the checks for their kinds here (e.g. HPA for autoscaling/v2
 * HorizontalPodAutoscaler); the scenario loader maps the returned paths to FILE:LINE:COL.
 * Returns a function that removes the validator (for tests).
 */
export function registerManifestValidator(apiVersion: string, kind: string, validate: ManifestValidator): () => void {
  const k = `${apiVersion} ${kind}`;
  validators.set(k, [...(validators.get(k) ?? []), validate]);
  return () => validators.set(k, (validators.get(k) ?? []).filter((v) => v !== validate));
}

export function validatorsFor(apiVersion: string, kind: string): readonly ManifestValidator[] {
  return validators.get(`${apiVersion} ${kind}`) ?? [];
}

export function hasValidator(apiVersion: string, kind: string): boolean {
  return validatorsFor(apiVersion, kind).length > 0;
}

/** "spec.triggers[0].metadata.value" → ["spec", "triggers", 0, "metadata", "value"]. */
export function parsePath(path: string | PathSegment[]): PathSegment[] {
  if (Array.isArray(path)) return path;
  const out: PathSegment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}
