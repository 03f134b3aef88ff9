import type { Figure } from '../../projections/types.js';

/**
 * How a figure is shown: a count of children (a number, or `low` when published and rounding to 0), a rate
 * (0 to 1, shown as a percentage), a count per 100 pupils, or working days.
 */
export type FigureFormat = 'count' | 'percent' | 'per100' | 'days';

/** One row of a section's table: what the JSON report says at `source` (its path), labelled for a reader. */
export interface FigureRow {
  key: string;
  label: string;
  value: Figure | null;
  /** The figure's path in the report's JSON answer, so that the page can be checked against it. */
  source: readonly string[];
  format: FigureFormat;
  /** Drawn in the section's chart (counts are, rates and averages are not). */
  charted: boolean;
}

const counts = new Intl.NumberFormat('en-GB');

/** The figure as the page prints it. */
export function formatFigure(value: Figure | null, format: FigureFormat): string {
  if (value === null) return 'not available';
  if (value === 'low') return 'low';
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (format === 'per100') return value.toFixed(2);
  if (format === 'days') return value.toFixed(1);
  return counts.format(value);
}

/** The value a chart draws: `low` (1 to 4 before rounding) and a missing figure draw as nothing. */
export const plotted = (value: Figure | null): number => (typeof value === 'number' ? value : 0);

export const countRow = (
  key: string,
  label: string,
  value: Figure,
  source: readonly string[],
): FigureRow => ({
  key,
  label,
  value,
  source,
  format: 'count',
  charted: true,
});

/** A figure shown in the table beside the chart but not drawn in it (a rate, an average, a total). */
export const tableOnly = (
  key: string,
  label: string,
  value: Figure | null,
  source: readonly string[],
  format: FigureFormat,
): FigureRow => ({ key, label, value, source, format, charted: false });

/**
 * A breakdown's rows (year groups, reasons), labelled by `labelOf`, in `order` where given (the DfE's order
 * of year groups), otherwise largest first.
 */
export function breakdownRows(
  breakdown: Readonly<Record<string, Figure>>,
  source: readonly string[],
  labelOf: (key: string) => string,
  order?: readonly string[],
): FigureRow[] {
  const entries = Object.entries(breakdown);
  const rank = (key: string) => {
    const at = order?.indexOf(key) ?? -1;
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  };
  entries.sort(([a, x], [b, y]) =>
    order ? rank(a) - rank(b) || a.localeCompare(b) : plotted(y) - plotted(x) || a.localeCompare(b),
  );
  return entries.map(([key, value]) => countRow(key, labelOf(key), value, [...source, key]));
}

/** 'moved_out_of_area' → 'Moved out of area', for a code no policy list labels. */
export const codeLabel = (code: string): string => {
  const words = code.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** '2025-09' → 'Sep 2025'. */
export const monthLabel = (month: string): string =>
  `${monthNames[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;

/** One figure of each month of the period, from the report's `byMonth`. */
export const monthRows = (byMonth: readonly Record<string, Figure | string>[], figure: string): FigureRow[] =>
  byMonth.map((month, i) =>
    countRow(String(month.month), monthLabel(String(month.month)), month[figure] as Figure, [
      'byMonth',
      String(i),
      figure,
    ]),
  );

/**
 * Figures shown in a table only (the headline figures), each read from the report at its path: the path is
 * what the page's test checks against the JSON answer.
 */
export function tableRows(
  report: object,
  rows: readonly (readonly [label: string, path: readonly string[], format: FigureFormat])[],
): FigureRow[] {
  return rows.map(([label, path, format]) => {
    const value = path.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], report);
    return tableOnly(path.join('.'), label, value as Figure | null, path, format);
  });
}
