/**
 * "Did you mean …?" hints: the one edit-distance implementation every package
 * uses for misspelt names, keys, functions and presets.
 */

/** Levenshtein distance (insertions, deletions, substitutions) between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** How close a suggestion must be. */
export interface ClosestOptions {
  /** Largest edit distance accepted (default max(1, ⌊length/3⌋)). */
  limit?: number;
  /** When nothing is that close, accept a candidate containing the word's last dotted part. */
  containsFallback?: boolean;
}

/** The candidate closest to `word` (case-insensitive), or undefined when nothing is close. */
export function closestName(
  word: string,
  candidates: Iterable<string>,
  options: ClosestOptions = {},
): string | undefined {
  const lower = word.toLowerCase();
  const limit = options.limit ?? Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const list = [...candidates];
  for (const candidate of list) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined || !options.containsFallback) return best;
  const tail = lower.slice(lower.lastIndexOf('.') + 1);
  return list.find((candidate) => candidate.toLowerCase().includes(tail));
}

/** ` (did you mean 'x'?)` for the closest candidate within max(2, ⌊length/3⌋) edits, else `''`. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = closestName(word, candidates, { limit: Math.max(2, Math.floor(word.length / 3)) });
  return best ? ` (did you mean '${best}'?)` : '';
}
