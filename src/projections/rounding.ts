import type { Breakdown, Figure } from './types.js';

/** DfE publication rounding: the nearest 10 (5 rounds up), `low` for a non-zero count that rounds to 0. */
export function publishedFigure(count: number): Figure {
  const rounded = Math.round(count / 10) * 10;
  return rounded === 0 && count > 0 ? 'low' : rounded;
}

export function figure(count: number, rounding: 'published' | 'raw'): Figure {
  return rounding === 'raw' ? count : publishedFigure(count);
}

/**
 * Counts keyed by what a case records: a school's name, a Mosaic group, a policy's code. An object without
 * a prototype, so that `constructor` or `__proto__` is a key like any other rather than Object's own
 * properties (`{}` would count "constructor" from the Object function, and drop "__proto__" altogether).
 * JSON.stringify and Object.entries see only own keys, so it serialises as a plain object would.
 */
export const emptyCounts = <T extends number | Figure = number>(): Record<string, T> => Object.create(null);

export function breakdown(counts: Record<string, number>, rounding: 'published' | 'raw'): Breakdown {
  const result = emptyCounts<Figure>();
  for (const [key, count] of Object.entries(counts)) result[key] = figure(count, rounding);
  return result;
}

export function tally(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (Object.hasOwn(counts, key) ? (counts[key] ?? 0) : 0) + by;
}
