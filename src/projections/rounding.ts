import type { Breakdown, Figure } from './types.js';

/** DfE publication rounding: the nearest 10 (5 rounds up), `low` for a non-zero count that rounds to 0. */
export function publishedFigure(count: number): Figure {
  const rounded = Math.round(count / 10) * 10;
  return rounded === 0 && count > 0 ? 'low' : rounded;
}

export function figure(count: number, rounding: 'published' | 'raw'): Figure {
  return rounding === 'raw' ? count : publishedFigure(count);
}

export function breakdown(counts: Record<string, number>, rounding: 'published' | 'raw'): Breakdown {
  const result: Breakdown = {};
  for (const [key, count] of Object.entries(counts)) result[key] = figure(count, rounding);
  return result;
}

export function tally(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}
