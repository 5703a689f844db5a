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
