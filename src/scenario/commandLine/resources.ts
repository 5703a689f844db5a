/** "TYPE NAME…" or "TYPE/NAME…" arguments, as kubectl's resource builder reads them. */
export interface ResourceRef {
  /** Resource type as kubectl would resolve it, lower case without an API group ("deployment"). */
  type: string;
  name: string;
}

export type RefsResult = { ok: true; refs: ResourceRef[] } | { ok: false; error: string };

export const NO_RESOURCES = 'error: You must provide one or more resources by argument or filename.';

function normalizeType(type: string): string {
  return type.toLowerCase().split('.')[0];
}

export function resourceRefs(args: readonly string[]): RefsResult {
  if (args.length === 0) return { ok: false, error: NO_RESOURCES };
  if (args.some((a) => a.includes('/'))) {
    const refs: ResourceRef[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) return { ok: false, error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` };
      const [type, name] = [a.slice(0, slash), a.slice(slash + 1)];
      if (type === '' || name === '' || name.includes('/')) return { ok: false, error: `error: arguments in resource/name form must have a single resource and name` };
      refs.push({ type: normalizeType(type), name });
    }
    return { ok: true, refs };
  }
  const [typeArg, ...names] = args;
  if (names.length === 0) return { ok: false, error: 'error: resource(s) were provided, but no name was specified' };
  // "deployment,service x" names several types at once in kubectl. Its SplitResourceArgument splits
  // on commas and drops repeats but keeps an empty type: with more than one type left, the builder
  // rewrites the line to "deployment/x service/x", so "deployment, x" becomes "deployment/x /x" and
  // fails on the empty type.
  const split = [...new Set(typeArg.split(','))];
  if (split.length > 1 && split.includes('')) return { ok: false, error: 'error: arguments in resource/name form must have a single resource and name' };
  const types = split.filter((t) => t !== '');
  // Only commas (",", ",,"): kubectl keeps the one empty type and the server has no such resource.
  if (types.length === 0) return { ok: false, error: `error: the server doesn't have a resource type ""` };
  return { ok: true, refs: types.flatMap((t) => names.map((name) => ({ type: normalizeType(t), name }))) };
}
