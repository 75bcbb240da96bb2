/**
 * "Did you mean" hints for misspelt ids and field names. Written here rather than pulled
 * from a package: it is a dozen lines and the browser bundle budget is tight.
 */

/** Edit distance (insertions, deletions, substitutions) between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to `name`, if it is close enough to be a likely typo. */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  // A typo is short; comparing a huge string against every candidate would only cost time.
  if (name.length > 100) return undefined;
  const folded = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(folded, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "km"?)` or nothing. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closestMatch(name, candidates);
  return match === undefined || match === name ? '' : ` (did you mean "${match}"?)`;
}

/** `a, b, c` — at most `max` names, then an ellipsis, so a 200-town level gives a short line. */
export function listNames(names: readonly string[], max = 12): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown}, … (${names.length} in all)` : shown;
}
