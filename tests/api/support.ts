import type { FastifyInstance } from 'fastify';
import { mintToken } from '../../src/api/plugins/auth.js';
import { type AppDependencies, buildApp } from '../../src/api/server.js';
import type { Projections } from '../../src/api/views.js';
import { type Config, loadConfig } from '../../src/config.js';
import { londonDate } from '../../src/domain/calendar/index.js';
import type { Panel } from '../../src/domain/ehe/commands.js';
import type { Role } from '../../src/domain/roles.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import type { EventStore } from '../../src/eventstore/types.js';
import { createProjections } from '../../src/projections/index.js';

export const TEST_SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
export const testConfig = (overrides: Record<string, string> = {}): Config =>
  loadConfig({ LOG_LEVEL: 'silent', SQLITE_PATH: ':memory:', AUTH_SECRET: TEST_SECRET, ...overrides });

/** Views that know nothing and are always caught up, for tests of the HTTP layer alone. */
export const emptyProjections = (): Projections => ({
  start: async () => {},
  close: async () => {},
  position: () => -1n,
  waitFor: async () => {},
  lag: async () => 0n,
  caughtUp: () => true,
  caseSummary: { get: () => undefined, list: () => ({ items: [] }) },
  caseload: { forOfficer: () => [] },
  deadlines: { open: () => [] },
  dashboard: {
    get: (today) => ({
      today,
      listLimit: 20,
      unallocated: { count: 0, items: [] },
      overdueByClock: {},
      overdue: { count: 0, items: [] },
      dueSoon: { count: 0, items: [] },
      escalationsOpen: { count: 0, items: [] },
      highRiskCme: { count: 0, items: [] },
      untracedCme: { count: 0, items: [] },
      possibleDuplicates: { count: 0, items: [] },
      pastSchoolAge: { count: 0, items: [] },
      closureProposals: { count: 0, items: [] },
      saoByStage: {},
      position: -1n,
    }),
    pastSchoolAge: () => [],
  },
  statistics: {
    dfeReturn: () => {
      throw new Error('no statistics in the empty views');
    },
    academicYear: () => {
      throw new Error('no statistics in the empty views');
    },
    committee: () => {
      throw new Error('no statistics in the empty views');
    },
    senStatusOn: () => 'unknown',
  },
  childIndex: { matches: () => [] },
  register: {
    on: () => [],
    leavers: () => [],
    periods: () => [],
    awaitingDuties: () => [],
    reportedChild: () => undefined,
  },
});

export interface TestApi {
  app: FastifyInstance;
  store: EventStore;
  config: Config;
  token(role: Role, sub?: string, panel?: Panel): Promise<string>;
  /** Moves the server's clock (business time); the store's own recordedAt stays real. */
  setNow(now: Date): void;
  /** Every event in the store, to show that a refused request wrote nothing. */
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

/** The real server on the real SQLite store in memory, at a fixed "now" so that dates are predictable. */
export async function testApi(
  options: {
    now?: Date;
    limits?: AppDependencies['limits'];
    queues?: AppDependencies['queues'];
    policy?: AppDependencies['policy'];
  } = {},
): Promise<TestApi> {
  const config = testConfig();
  const store = createSqliteEventStore({ path: ':memory:' });
  let now = options.now ?? new Date('2025-11-20T10:00:00Z');
  const projections = createProjections(store, { today: () => londonDate(now), exportMetrics: false });
  await projections.start();
  const app = await buildApp({
    config,
    store,
    projections,
    now: () => now,
    limits: options.limits ?? { requestsPerMinute: 10_000 },
    ...(options.queues ? { queues: options.queues } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
  });
  await app.ready();
  return {
    app,
    store,
    config,
    // A panel member's token names a panel: the Children Not In School panel unless a test says otherwise.
    token: (role, sub = `${role}-1`, panel = 'children_not_in_school') =>
      mintToken(config, { sub, role, ...(role === 'panel' ? { panel } : {}) }),
    setNow: (next) => {
      now = next;
    },
    async eventCount() {
      let count = 0;
      for await (const _ of store.readAll()) count++;
      return count;
    },
    async close() {
      await app.close();
      await projections.close();
      await store.close();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
