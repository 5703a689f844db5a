import type { ManifestDoc } from '../core/commands';
import type { Message } from '../core/message';

/**
 * Each autoscaler registers the checks for its own kinds here (Karpenter for NodePool, VPA for
 * VerticalPodAutoscaler, …). The scenario loader (src/scenario) runs them and maps the returned
 * field paths to FILE:LINE:COL, so the engine never depends on the YAML layer.
 */
export interface ManifestIssue {
  /** "spec.minReplicas", "spec.triggers[0].metadata", or a path array. */
  path: string | (string | number)[];
  message: string;
  /** 'notice' for valid-but-not-simulated fields; errors by default. */
  severity?: 'error' | 'notice';
  /** A notice's text as a Message, shown in the reader's language (`message` stays its English twin). */
  msg?: Message;
}

export type ManifestValidator = (doc: ManifestDoc) => ManifestIssue[];

const validators = new Map<string, ManifestValidator[]>();

/** Returns a function that removes the validator (for tests). */
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
