/**
 * Shared pieces of `npm run bench`: the options every bench module receives, the report it returns,
 * a median-of-N timer and a table printer. Benchmarks print figures; nothing here asserts on time.
 *
 * A bench module is a function `(options: BenchOptions) => Promise<BenchReport>` exported from a file in
 * bench/ and called by bench/index.ts (e.g. `benchEventStore` in eventstore.ts, `benchEsdb` in
 * eventstore-esdb.ts).
 */

export interface BenchOptions {
  /** BENCH_QUICK=1: a much shorter run that only proves the bench still works (CI). */
  quick: boolean;
  /** A scratch directory the module may fill; bench/index.ts removes it afterwards. */
  tmpDir: string;
  /** Progress lines (the final tables are printed by bench/index.ts from the report). */
  log: (line: string) => void;
}

/** A figure an issue asks for: met when the measured median is at least (or below) `value`. */
export interface Target {
  comparison: 'at least' | 'below';
  value: number;
  /** Where the target comes from, e.g. 'issue 16 item 2'. */
  source: string;
}

/** One figure. `median` is null when the figure could not be measured (`note` says why). */
export interface Measurement {
  /** Stable key, the same from run to run, so two result files can be compared. */
  id: string;
  label: string;
  unit: string;
  runs: number;
  median: number | null;
  min: number | null;
  max: number | null;
  note?: string;
  target?: Target;
}

export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
  notes?: string[];
}

export interface BenchReport {
  name: string;
  quick: boolean;
  /** Anything a reader needs to interpret the figures: durability settings, sizes, versions. */
  settings: Record<string, string | number | boolean>;
  measurements: Measurement[];
  tables: Table[];
  notes: string[];
}

export type BenchModule = (options: BenchOptions) => Promise<BenchReport>;

/** How much work one timed run did, and how long the timed part took. */
export interface RunSample {
  count: number;
  seconds: number;
}

export interface Timing {
  runs: number;
  /** count/seconds of each run, in run order. */
  rates: number[];
  median: number;
  min: number;
  max: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A monotonic stopwatch, started on creation. */
export function stopwatch(): { seconds: () => number } {
  const start = process.hrtime.bigint();
  return { seconds: () => Number(process.hrtime.bigint() - start) / 1e9 };
}

/**
 * Runs `once` `runs` times, one after the other, and reports the median rate (count per second).
 * `once` does its own setup and returns only the timed part, so setup never counts.
 */
export async function medianOf(runs: number, once: (run: number) => Promise<RunSample>): Promise<Timing> {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
  const rates: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const sample = await once(run);
    rates.push(sample.count / sample.seconds);
  }
  return { runs, rates, median: median(rates), min: Math.min(...rates), max: Math.max(...rates) };
}

export const measured = (id: string, label: string, unit: string, timing: Timing): Measurement => ({
  id,
  label,
  unit,
  runs: timing.runs,
  median: timing.median,
  min: timing.min,
  max: timing.max,
});

export const notMeasured = (id: string, label: string, unit: string, why: string): Measurement => ({
  id,
  label,
  unit,
  runs: 0,
  median: null,
  min: null,
  max: null,
  note: why,
});

/** 12345.6 → "12,346"; small rates keep one decimal. */
export function formatRate(value: number | null): string {
  if (value === null) return 'n/a';
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString('en-GB');
}

/** ours / theirs as "3.41x", or "n/a" when either side is missing. */
export function formatRatio(ours: number | null, theirs: number | null): string {
  if (ours === null || theirs === null || theirs === 0) return 'n/a';
  const ratio = ours / theirs;
  return `${ratio >= 100 ? Math.round(ratio).toLocaleString('en-GB') : ratio.toFixed(2)}x`;
}

const isNumeric = (cell: string): boolean => /^[-+]?[\d,.]+x?%?$|^n\/a$/.test(cell.trim());

/** A fixed-width text table: first column left-aligned, figures right-aligned. */
export function renderTable(table: Table): string {
  const widths = table.headers.map((header, column) =>
    Math.max(header.length, ...table.rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[], header: boolean) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? cell.length;
        return column === 0 || header || !isNumeric(cell) ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const out = [table.title, line(table.headers, true), rule, ...table.rows.map((row) => line(row, false))];
  for (const note of table.notes ?? []) out.push(`  ${note}`);
  return out.join('\n');
}

export function renderMarkdownTable(table: Table): string {
  const escapePipes = (cell: string) => cell.replaceAll('|', '\\|');
  const align = table.headers.map((_, column) => (column === 0 ? ':--' : '--:'));
  const out = [
    `### ${table.title}`,
    '',
    `| ${table.headers.map(escapePipes).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(escapePipes).join(' | ')} |`),
  ];
  if (table.notes && table.notes.length > 0) out.push('', ...table.notes.map((note) => `- ${note}`));
  return out.join('\n');
}

/** 'met', 'not met', or 'not measured' for a figure with a target. */
export function targetStatus(measurement: Measurement & { target: Target }): string {
  const { median: value, target } = measurement;
  if (value === null) return 'not measured';
  const met = target.comparison === 'at least' ? value >= target.value : value < target.value;
  return met ? 'met' : 'NOT MET';
}

/** Every figure with a target, beside it: what `npm run bench` prints and latest.md carries (issue 16 item 8). */
export function targetsTable(title: string, measurements: readonly Measurement[]): Table | undefined {
  const withTargets = measurements.filter(
    (m): m is Measurement & { target: Target } => m.target !== undefined,
  );
  if (withTargets.length === 0) return undefined;
  const figure = (value: number | null) => (value === null ? 'n/a' : String(Number(value.toPrecision(3))));
  return {
    title,
    headers: ['figure', 'measured (median)', 'runs', 'target', 'status', 'source'],
    rows: withTargets.map((m) => [
      m.label,
      `${figure(m.median)} ${m.unit}`,
      String(m.runs),
      `${m.target.comparison} ${figure(m.target.value)} ${m.unit}`,
      targetStatus(m),
      m.target.source,
    ]),
  };
}
