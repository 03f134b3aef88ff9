/**
 * `npm run bench`: runs every bench module, prints its tables, and writes the results to
 * bench/results/<name>-<timestamp>.json (one file per module) and bench/results/latest.md (a summary that
 * also compares each figure with the previous result file of the same module and mode).
 * `BENCH_QUICK=1` runs a much shorter version, for CI. Nothing here asserts on time.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchApi } from './api.js';
import { benchDeadlines } from './deadlines.js';
import { benchEventStore } from './eventstore.js';
import { benchEsdb } from './eventstore-esdb.js';
import { benchProjections } from './projections.js';
import {
  type BenchModule,
  type BenchOptions,
  type BenchReport,
  formatRate,
  type Measurement,
  renderMarkdownTable,
  renderTable,
  targetsTable,
} from './support.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(benchDir, 'results');
const quick = ['1', 'true', 'yes'].includes((process.env.BENCH_QUICK ?? '').toLowerCase());

/** ISO 8601 basic format (20261123T094512Z): sortable, and safe in a file name on every system. */
const timestamp = new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d{3}Z$/, 'Z');

interface ResultFile {
  name: string;
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  environment: Record<string, string | number>;
  report: BenchReport;
}

interface Outcome {
  name: string;
  status: 'done' | 'not available' | 'failed';
  detail?: string;
  report?: BenchReport;
  previous?: { file: string; result: ResultFile };
  file?: string;
}

const gitCommit = (): string => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: benchDir, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

const environment: Record<string, string | number> = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: cpus().length,
  commit: gitCommit(),
  /** Other work on the machine skews every figure: the 1-minute load average when the run started. */
  loadAverageAtStart: Number(loadavg()[0]?.toFixed(2)),
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isReport = (value: unknown): value is BenchReport =>
  isRecord(value) &&
  typeof value.name === 'string' &&
  Array.isArray(value.measurements) &&
  Array.isArray(value.tables) &&
  Array.isArray(value.notes) &&
  isRecord(value.settings);

const isResultFile = (value: unknown): value is ResultFile =>
  isRecord(value) && typeof value.name === 'string' && value.quick === quick && isReport(value.report);

/** The newest earlier result of this module in the same mode (quick or full), to compare against. */
function previousResult(name: string): { file: string; result: ResultFile } | undefined {
  if (!existsSync(resultsDir)) return undefined;
  const candidates = readdirSync(resultsDir)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.json'))
    .filter((file) => /^\d{8}T\d{6}Z$/.test(file.slice(name.length + 1, -'.json'.length)))
    .sort()
    .reverse();
  for (const file of candidates) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
      if (isResultFile(parsed) && parsed.name === name) return { file, result: parsed };
    } catch {
      // An unreadable old result is skipped, not fatal.
    }
  }
  return undefined;
}

function comparison(report: BenchReport, previous: ResultFile): string[] {
  const before = new Map(previous.report.measurements.map((m): [string, Measurement] => [m.id, m]));
  const lines = [`| figure | previous (${previous.startedAt}) | now | change |`, '| :-- | --: | --: | --: |'];
  for (const now of report.measurements) {
    const then = before.get(now.id);
    if (!then) continue;
    const change =
      now.median !== null && then.median !== null && then.median > 0
        ? `${now.median >= then.median ? '+' : ''}${(((now.median - then.median) / then.median) * 100).toFixed(1)}%`
        : 'n/a';
    lines.push(`| ${now.id} | ${formatRate(then.median)} | ${formatRate(now.median)} | ${change} |`);
  }
  return lines;
}

function markdownSummary(startedAt: string, outcomes: Outcome[]): string {
  const out = [
    `# Benchmark results, ${startedAt}${quick ? ' (BENCH_QUICK: short run, figures are indicative only)' : ''}`,
    '',
    `Node ${environment.node}, ${environment.platform}, ${environment.cpus} x ${environment.cpu}, commit ${environment.commit}, ` +
      `load average ${environment.loadAverageAtStart} at the start and ${Number(loadavg()[0]?.toFixed(2))} at the end.`,
    'Each figure is the median of the runs shown; nothing here is asserted.',
  ];
  for (const outcome of outcomes) {
    out.push('', `## ${outcome.name}`, '');
    if (!outcome.report) {
      out.push(`${outcome.status}: ${outcome.detail ?? ''}`);
      continue;
    }
    out.push(`Full figures: \`bench/results/${outcome.file ?? ''}\``, '');
    const targets = targetsTable('Targets', outcome.report.measurements);
    if (targets) out.push(renderMarkdownTable(targets), '');
    for (const table of outcome.report.tables) out.push(renderMarkdownTable(table), '');
    const settings = Object.entries(outcome.report.settings);
    if (settings.length > 0) {
      out.push('### Settings', '', ...settings.map(([key, value]) => `- ${key}: ${String(value)}`), '');
    }
    if (outcome.report.notes.length > 0) {
      out.push('### Notes', '', ...outcome.report.notes.map((note) => `- ${note}`), '');
    }
    if (outcome.previous) {
      out.push(`### Against the previous run (${outcome.previous.file})`, '');
      out.push(...comparison(outcome.report, outcome.previous.result), '');
    } else {
      out.push('No earlier result of this module in this mode to compare with.', '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  console.log(`sightline bench${quick ? ' (BENCH_QUICK)' : ''}: ${startedAt}, node ${process.version}`);
  mkdirSync(resultsDir, { recursive: true });

  const all: { name: string; run: BenchModule }[] = [
    { name: 'eventstore', run: benchEventStore },
    { name: 'eventstore-esdb', run: benchEsdb },
    { name: 'projections', run: benchProjections },
    { name: 'api', run: benchApi },
    { name: 'deadlines', run: benchDeadlines },
  ];
  // `npm run bench -- projections api` runs only those modules.
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !all.some((m) => m.name === name));
  if (unknown.length > 0) throw new Error(`Unknown bench module(s): ${unknown.join(', ')}`);
  const modules = wanted.length === 0 ? all : all.filter((m) => wanted.includes(m.name));

  const outcomes: Outcome[] = [];
  for (const { name, run } of modules) {
    console.log(`\n== ${name}`);
    const tmpDir = mkdtempSync(join(tmpdir(), `sightline-bench-${name}-`));
    const moduleStartedAt = new Date().toISOString();
    try {
      const started = process.hrtime.bigint();
      const elapsed = () => `${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)}s`.padStart(7);
      const options: BenchOptions = { quick, tmpDir, log: (line) => console.log(`[${elapsed()}] ${line}`) };
      const report = await run(options);
      const previous = previousResult(name);
      const file = `${name}-${timestamp}.json`;
      const result: ResultFile = {
        name,
        startedAt: moduleStartedAt,
        finishedAt: new Date().toISOString(),
        quick,
        environment: { ...environment, loadAverageAtEnd: Number(loadavg()[0]?.toFixed(2)) },
        report,
      };
      writeFileSync(join(resultsDir, file), `${JSON.stringify(result, null, 2)}\n`);
      for (const table of report.tables) console.log(`\n${renderTable(table)}`);
      const targets = targetsTable(`${name}: targets`, report.measurements);
      if (targets) console.log(`\n${renderTable(targets)}`);
      for (const note of report.notes) console.log(`\n${note}`);
      console.log(`\nWrote bench/results/${file}`);
      outcomes.push({ name, status: 'done', report, file, ...(previous ? { previous } : {}) });
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`\n== ${name}: failed\n${detail}`);
      outcomes.push({ name, status: 'failed', detail });
      process.exitCode = 1;
    } finally {
      rmSync(tmpDir, { recursive: true, force: true });
    }
  }

  writeFileSync(join(resultsDir, 'latest.md'), markdownSummary(startedAt, outcomes));
  console.log('Wrote bench/results/latest.md');
}

await main();
