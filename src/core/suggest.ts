// "Did you mean …?" for mistyped commands, flags, values and configuration keys: the known name
// closest to what was typed, by Damerau-Levenshtein distance, when it is close enough to be a typo.

/**
 * Edit distance counting insertions, deletions, substitutions and transpositions of two adjacent
 * characters (the optimal-string-alignment form of Damerau-Levenshtein): `prot` → `port` is 1.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The candidate closest to `input` (ignoring case), if it is within a third of the input's
 * length (at least 1, at most 3 edits); the first one listed wins a tie.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const typed = input.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(typed.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(typed, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** ` (did you mean X?)`, or nothing when no candidate is close. */
export function didYouMean(input: string, candidates: Iterable<string>, show: (s: string) => string = (s) => s): string {
  const c = closest(input, candidates);
  return c === undefined ? '' : ` (did you mean ${show(c)}?)`;
}
