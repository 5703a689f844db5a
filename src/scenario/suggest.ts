/** Edit distance (insertions, deletions, substitutions), as cobra uses for "Did you mean this?". */
export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length];
}

/**
 * Candidates close to `input`: within `maxDistance` edits (case-insensitive) or starting with it,
 * the way cobra's SuggestionsMinimumDistance (2) works. Closest first, ties in candidate order.
 */
export function suggestions(input: string, candidates: readonly string[], maxDistance = 2): string[] {
  const lower = input.toLowerCase();
  if (lower === '') return [];
  const scored = candidates
    .map((c, index) => ({ c, index, d: levenshtein(lower, c.toLowerCase()) }))
    .filter(({ c, d }) => d <= maxDistance || c.toLowerCase().startsWith(lower));
  scored.sort((x, y) => x.d - y.d || x.index - y.index);
  return [...new Set(scored.map((s) => s.c))];
}

/** ' (did you mean "replicas"?)' or ''. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const [best] = suggestions(input, candidates);
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}
