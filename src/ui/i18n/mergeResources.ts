type Tree = { [key: string]: unknown };

function isTree(v: unknown): v is Tree {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep-merge `extra` into a copy of `base`; strings in `extra` win. */
export function mergeTrees(base: Tree, extra: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    const prev = out[k];
    out[k] = isTree(prev) && isTree(v) ? mergeTrees(prev, v) : v;
  }
  return out;
}

/**
 * Another folder's i18n module may export `{ en, ko }` directly or one object holding them
 * (e.g. `clusterResources = { en: {...}, ko: {...} }`): find per-language trees either way.
 */
export function languageTrees(mod: Record<string, unknown>): { en?: Tree; ko?: Tree } {
  const found: { en?: Tree; ko?: Tree } = {};
  const take = (holder: Tree) => {
    if (isTree(holder.en)) found.en = mergeTrees(found.en ?? {}, holder.en);
    if (isTree(holder.ko)) found.ko = mergeTrees(found.ko ?? {}, holder.ko);
  };
  take(mod);
  for (const v of Object.values(mod)) if (isTree(v)) take(v);
  return found;
}
