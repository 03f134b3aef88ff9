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

/**
 * Figures that are not counts of children and so are never rounded for publication: rates and averages
 * (computed from the exact counts), and the school population the council's policy gives.
 */
const notCounts: ReadonlySet<string> = new Set([
  'rate',
  'averageWorkingDays',
  'medianWorkingDays',
  'schoolPopulation',
  'atAnyPointPer100Pupils',
  'eheOpenAtEndPer100Pupils',
  'cmeOpenAtEndPer100Pupils',
  'eheAtAnyPointPer100Pupils',
]);
type NotCount =
  | 'rate'
  | 'averageWorkingDays'
  | 'medianWorkingDays'
  | 'schoolPopulation'
  | 'atAnyPointPer100Pupils'
  | 'eheOpenAtEndPer100Pupils'
  | 'cmeOpenAtEndPer100Pupils'
  | 'eheAtAnyPointPer100Pupils';

/** A report as published: every count a Figure, the rates and averages as they were. */
export type Rounded<T> = T extends number
  ? Figure
  : T extends readonly (infer Item)[]
    ? Rounded<Item>[]
    : T extends object
      ? { [K in keyof T]: K extends NotCount ? T[K] : Rounded<T[K]> }
      : T;

/**
 * Any report with its counts rounded as the DfE publishes them (`published`), or exactly as counted (`raw`,
 * what a council submits and its committee reads by default). Walks the report so that a figure added to a
 * report later is rounded too unless it is named above as not a count.
 */
export function roundReport<T>(report: T, rounding: 'published' | 'raw'): Rounded<T> {
  if (rounding === 'raw') return report as Rounded<T>;
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'number') return notCounts.has(key) ? value : publishedFigure(value);
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (typeof value === 'object' && value !== null) {
      const result: Record<string, unknown> = Object.create(null);
      for (const [name, item] of Object.entries(value)) result[name] = walk(item, name);
      return result;
    }
    return value;
  };
  return walk(report, '') as Rounded<T>;
}
