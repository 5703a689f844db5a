import type { PathSegment } from '../errors';

// The registry lives in the engine so autoscaler modules can register without importing this layer.
export {
  registerManifestValidator,
  validatorsFor,
  hasValidator,
  type ManifestIssue,
  type ManifestValidator,
} from '../../sim/resources/manifestValidators';

/** "spec.triggers[0].metadata.value" → ["spec", "triggers", 0, "metadata", "value"]. */
export function parsePath(path: string | PathSegment[]): PathSegment[] {
  if (Array.isArray(path)) return path;
  const out: PathSegment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}
