// The layering of src/, stated once: `layers` below is the single statement of what each part may import,
// and docs/architecture.md points here. Every import counts — static `import`/`export … from`, dynamic
// `import()`, and type-only imports too (`import type` is erased at run time but still couples the code a
// reader has to understand); `typesFrom` is the one place where a type-only import is allowed and a
// runtime one is not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cycles, type ImportEdge, importGraph, srcFiles } from './support/import-graph.js';

/** A part of src/: a folder (a case type and the calendar are parts of their own) or a top-level file. */
type Layer =
  | 'domain'
  | 'domain/calendar'
  | 'domain/ehe'
  | 'domain/cme'
  | 'domain/cnis'
  | 'eventstore'
  | 'projections'
  | 'api'
  | 'workers'
  | 'seed'
  | 'config.ts'
  | 'metrics.ts'
  | 'logger.ts'
  | 'progress.ts'
  | 'services.ts'
  | 'main.ts';

interface Rule {
  /** The parts it may import, at run time or for types. */
  imports: readonly Layer[];
  /** The parts it may import types from (`import type`), never values. */
  typesFrom?: readonly Layer[];
  /** npm packages and `node:` modules; `@fastify/*` and `node:*` match a scope or every built-in. */
  packages: readonly string[];
}

const domain: readonly Layer[] = ['domain', 'domain/calendar', 'domain/ehe', 'domain/cme', 'domain/cnis'];
/** The pure core: no `node:*`, no I/O client; dates through date-fns and its time-zone package. */
const pure = ['zod', 'date-fns', '@date-fns/tz'] as const;

const layers: Record<Layer, Rule> = {
  // The calendar knows nothing of cases; a case type knows nothing of the other.
  'domain/calendar': { imports: ['domain/calendar'], packages: pure },
  'domain/ehe': { imports: ['domain', 'domain/calendar', 'domain/ehe'], packages: pure },
  'domain/cme': { imports: ['domain', 'domain/calendar', 'domain/cme'], packages: pure },
  'domain/cnis': { imports: ['domain', 'domain/calendar', 'domain/cnis'], packages: pure },
  // The shared core (clocks, policy, roles) may gather both case types' tables.
  domain: { imports: domain, packages: pure },
  // The port and its adapters: the decider's types and the metadata's domain values; the config's type
  // for choosing an adapter (open.ts).
  eventstore: {
    imports: [...domain, 'eventstore'],
    typesFrom: ['config.ts'],
    packages: ['zod', 'uuid', 'better-sqlite3', '@eventstore/db-client', 'node:*'],
  },
  // Pure views over events: the store's event types, never its adapters; never the API or the workers.
  projections: {
    imports: [...domain, 'projections'],
    typesFrom: ['eventstore', 'logger.ts'],
    packages: ['prom-client', 'node:util'],
  },
  // Triggers only: deadlines come from the domain, writes go through the command handler; the views
  // (the sweep reads the deadlines view) are handed in by the composition root.
  workers: {
    imports: [...domain, 'eventstore', 'workers', 'logger.ts'],
    typesFrom: ['projections', 'config.ts'],
    packages: ['zod', 'bullmq', 'ioredis', 'prom-client', 'node:*'],
  },
  // HTTP in, commands and queries out; never the workers (a job is triggered by events, not by a route).
  api: {
    imports: [...domain, 'eventstore', 'projections', 'api', 'config.ts'],
    packages: [
      'fastify',
      'fastify-type-provider-zod',
      'fastify-plugin',
      '@fastify/*',
      'zod',
      'jose',
      'uuid',
      'prom-client',
      'node:*',
      // /admin/queues: the board shows the queues main.ts hands in (api/queue-board.ts).
      '@bull-board/*',
      'bullmq',
      // The report pages' charts, drawn as SVG on the server (api/reports-html/chart.ts).
      'vega',
      'vega-lite',
    ],
  },
  // Seeding sends commands through the real handler, as a client would: no views, no API, no workers.
  seed: { imports: [...domain, 'eventstore', 'seed'], packages: [] },
  'config.ts': { imports: [], packages: ['zod'] },
  'metrics.ts': { imports: [], packages: ['prom-client'] },
  'logger.ts': { imports: [], packages: [] },
  // The CLI's progress lines (seed, rebuild): text only.
  'progress.ts': { imports: [], packages: [] },
  // The composition roots: services.ts builds the store, policy, metrics registry and views; main.ts may use
  // any part.
  'services.ts': {
    imports: [...domain, 'eventstore', 'projections', 'config.ts', 'metrics.ts'],
    packages: ['pino', 'prom-client', 'node:*'],
  },
  'main.ts': {
    imports: [
      ...domain,
      'eventstore',
      'projections',
      'api',
      'workers',
      'seed',
      'config.ts',
      'metrics.ts',
      'progress.ts',
      'services.ts',
    ],
    packages: ['node:*'],
  },
};

/**
 * Where today's code breaks a rule the design intends: one file, one import, and why it stays. An
 * exception no longer used fails the test below, so it is removed when the code is fixed.
 */
const exceptions: readonly { file: string; imports: string; because: string }[] = [
  {
    file: 'domain/policy.ts',
    imports: 'yaml',
    because:
      'loadPolicy parses the policy file as JSON or YAML (pure, no I/O); the parse belongs at the edge (services.ts reads the file), the schema in the domain',
  },
];

function layerOf(path: string): Layer | undefined {
  const candidates = Object.keys(layers) as Layer[];
  // The longest match: `domain/ehe/decide.ts` is in domain/ehe, not domain.
  return candidates
    .filter((layer) => path === layer || path.startsWith(`${layer}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** `@fastify/swagger/x` → `@fastify/swagger`, `date-fns/locale` → `date-fns`, `node:fs/promises` kept. */
function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier.split('/')[0]!;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function packageAllowed(allowed: readonly string[], name: string): boolean {
  return allowed.some((entry) =>
    entry.endsWith('*') ? name.startsWith(entry.slice(0, -1)) : entry === name,
  );
}

const where = (edge: ImportEdge) => `src/${edge.from}:${edge.line} imports '${edge.specifier}'`;

/** Why an import breaks the table's rules (exceptions aside), or undefined when it keeps them. */
function ruleBrokenBy(edge: ImportEdge): string | undefined {
  const from = layerOf(edge.from);
  if (!from) return `${where(edge)}: src/${edge.from} is in no layer of tests/architecture.test.ts`;
  const rule = layers[from];
  if (edge.target === undefined) {
    const name = packageOf(edge.specifier);
    return packageAllowed(rule.packages, name) ? undefined : `${where(edge)}: ${from} may not import ${name}`;
  }
  const to = layerOf(edge.target);
  if (edge.target.startsWith('..') || !to) return `${where(edge)}: src/${edge.target} is in no layer`;
  if (rule.imports.includes(to)) return undefined;
  if (rule.typesFrom?.includes(to)) {
    return edge.kind === 'type' ? undefined : `${where(edge)}: ${from} may import only types from ${to}`;
  }
  return `${where(edge)}: ${from} may not import ${to}`;
}

const isException = (edge: ImportEdge) =>
  exceptions.some((e) => e.file === edge.from && e.imports === (edge.target ?? packageOf(edge.specifier)));

const graph = importGraph();
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('the layering of src/', () => {
  it('reads the imports of every source file', () => {
    // A parse that found nothing would make every rule below pass vacuously.
    expect(graph.length).toBeGreaterThan(500);
    expect(new Set(graph.map((edge) => edge.from)).size).toBeGreaterThan(0.9 * srcFiles().length);
    expect(graph.some((edge) => edge.from === 'eventstore/open.ts' && edge.specifier === './esdb.js')).toBe(
      true,
    );
  });

  it('every import is one its layer may make (the table above)', () => {
    const violations = graph
      .filter((edge) => !isException(edge))
      .map(ruleBrokenBy)
      .filter((violation) => violation !== undefined);
    expect(violations).toEqual([]);
  });

  it('no import cycles, type-only imports included', () => {
    const found = cycles(graph).map((cycle) =>
      cycle
        .slice(1)
        .map((target, i) => {
          const edge = graph.find((e) => e.from === cycle[i] && e.target === target)!;
          return where(edge);
        })
        .join(' → '),
    );
    expect(found).toEqual([]);
  });

  it('every relative import names a file that exists', () => {
    const files = new Set(srcFiles());
    const missing = graph.filter((edge) => edge.target !== undefined && !files.has(edge.target)).map(where);
    expect(missing).toEqual([]);
  });

  it('a package src/ needs at run time is a dependency, not a devDependency', () => {
    const missing = graph
      .filter((edge) => edge.target === undefined && !edge.specifier.startsWith('node:'))
      .filter((edge) => !(packageOf(edge.specifier) in manifest.dependencies))
      .filter((edge) => edge.kind === 'runtime' || !(packageOf(edge.specifier) in manifest.devDependencies))
      .map(where);
    expect(missing).toEqual([]);
  });

  it('every exception is still needed', () => {
    const used = exceptions.filter((exception) =>
      graph.some(
        (edge) =>
          edge.from === exception.file &&
          (edge.target ?? packageOf(edge.specifier)) === exception.imports &&
          ruleBrokenBy(edge) !== undefined,
      ),
    );
    expect(used).toEqual(exceptions);
  });
});
