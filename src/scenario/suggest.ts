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

/** Longer inputs get no suggestion: nobody mistypes a 256-character name by two letters. */
export const MAX_SUGGEST_INPUT = 256;

/**
 * The edit distance if it is at most `max`, else `max + 1`. Stops as soon as a whole row exceeds
 * `max`, so a long input against a long catalog costs O(length × max) per candidate, not O(n × m).
 */
export function levenshteinWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
      if (prev[j] < rowMin) rowMin = prev[j];
    }
    if (rowMin > max) return max + 1;
  }
  return Math.min(prev[b.length], max + 1);
}

/**
 * Candidates close to `input`: within `maxDistance` edits (case-insensitive) or starting with it,
 * the way cobra's SuggestionsMinimumDistance (2) works. Closest first, ties in candidate order.
 */
export function suggestions(input: string, candidates: readonly string[], maxDistance = 2): string[] {
  const lower = input.toLowerCase();
  if (lower === '' || lower.length > MAX_SUGGEST_INPUT) return [];
  const scored = candidates
    .map((c, index) => {
      const cl = c.toLowerCase();
      // A prefix is exactly (length difference) insertions away; anything else is only scored within reach.
      const prefix = cl.startsWith(lower);
      return { c, index, prefix, d: prefix ? cl.length - lower.length : levenshteinWithin(lower, cl, maxDistance) };
    })
    .filter(({ prefix, d }) => d <= maxDistance || prefix);
  scored.sort((x, y) => x.d - y.d || x.index - y.index);
  return [...new Set(scored.map((s) => s.c))];
}

/** ' (did you mean "replicas"?)' or ''. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const [best] = suggestions(input, candidates);
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}
