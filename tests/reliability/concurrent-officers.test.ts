import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/server.js';
import { loadConfig } from '../../src/config.js';
import { createCalendar, londonDate } from '../../src/domain/calendar/index.js';
import type { EheCommand } from '../../src/domain/ehe/index.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { createSqliteEventStore } from '../../src/eventstore/sqlite.js';
import type { EventStore, RecordedEvent } from '../../src/eventstore/types.js';
import {
  applyRecordedEvent,
  createProjections,
  createViewQueries,
  createViews,
  type LiveProjections,
} from '../../src/projections/index.js';
import { Rng } from '../../src/seed/random.js';
import { type Officers, post, Registry, runOfficer } from './support/officers-clients.js';
import { referralBody } from './support/officers-commands.js';
import { groupByRequest, replayStream } from './support/officers-replay.js';
import { byStream, checkLogShape, readWholeLog } from './support/process-checks.js';

const CASES = 10;
const CLIENTS = 50;
const REQUESTS_PER_CLIENT = 40;

const dataDir = mkdtempSync(join(tmpdir(), 'sightline-officers-'));
let running: { app: FastifyInstance; projections: LiveProjections; store: EventStore } | undefined;

afterAll(async () => {
  await running?.app.close();
  await running?.projections.close();
  await running?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The case's summary as a fold of its stream alone, in fresh views, answers it. */
function foldedSummary(caseId: string, events: readonly RecordedEvent[]) {
  const views = createViews();
  for (const event of events) applyRecordedEvent(views, event);
  const queries = createViewQueries(views, {
    today: () => londonDate(new Date()),
    calendar: createCalendar(defaultPolicy.calendar),
    position: () => events[events.length - 1]?.position ?? -1n,
  });
  return queries.caseSummary.get(caseId);
}

describe('fifty officers and managers on ten cases at once', () => {
  it('answers 2xx, 409 or 412 and leaves histories the decider accepts', async () => {
    const seed = process.env.RELIABILITY_SEED ?? randomUUID().slice(0, 8);
    console.log(`concurrent officers seed ${seed} (RELIABILITY_SEED=${seed} repeats its choices)`);
    const sqlitePath = join(dataDir, 'events.db');
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      SQLITE_PATH: sqlitePath,
      AUTH_SECRET: randomBytes(32).toString('hex'),
    });
    const store = createSqliteEventStore({ path: sqlitePath });
    const projections = createProjections(store, { exportMetrics: false });
    await projections.start();
    const app = await buildApp({ config, store, projections, limits: { requestsPerMinute: 1_000_000 } });
    running = { app, projections, store };
    const officers: Officers = {
      url: await app.listen({ host: '127.0.0.1', port: 0 }),
      config,
      store,
      registry: new Registry(),
    };
    const { registry } = officers;

    const rng = new Rng(`${seed}:cases`);
    const caseIds = Array.from({ length: CASES }, () => rng.uuid());
    for (const caseId of caseIds) {
      const body = referralBody(caseId);
      const command = { type: 'ReceiveEheReferral', data: body } as EheCommand;
      const opened = await post(officers, { role: 'manager', sub: 'manager-0' }, '/v1/ehe-cases', command);
      expect(opened.status, JSON.stringify(opened.answer)).toBe(201);
    }
    await Promise.all(
      Array.from({ length: CLIENTS }, (_, client) =>
        runOfficer(officers, seed, client, caseIds, REQUESTS_PER_CLIENT),
      ),
    );
    console.log(
      `concurrent officers: ${registry.sent.size} requests; answers ${JSON.stringify(Object.fromEntries([...registry.outcomes].sort()))}; ` +
        `If-Match ${JSON.stringify(registry.ifMatchKinds)}`,
    );

    const refused = [...registry.sent.values()].filter((s) => ![200, 201, 409, 412].includes(s.status));
    expect(refused.map((s) => `${s.command.type} → ${s.status} ${JSON.stringify(s.answer)}`)).toEqual([]);
    // Conflicts of both kinds happened, or the test did not test them.
    for (const status of [200, 409, 412]) expect(registry.statuses.get(status) ?? 0).toBeGreaterThan(0);

    const events = await readWholeLog(store);
    expect(checkLogShape(events)).toEqual([]);
    const streams = byStream(events);
    const caseStreams = [...streams.keys()].filter((stream) => stream.startsWith('ehe-'));
    expect(caseStreams.sort()).toEqual(caseIds.map((id) => `ehe-${id}`).sort());

    // Each answer tells the truth: a 2xx's events are the ones its request wrote, a refusal wrote nothing.
    // What each request wrote to the cases (a referral also reserves its id in caseid-<id>).
    const caseEvents = events.filter((event) => event.stream.startsWith('ehe-'));
    const written = new Map(groupByRequest(caseEvents).map((group) => [group.requestId, group.events]));
    for (const request of registry.sent.values()) {
      const answer = request.answer as { events?: { id: string }[]; revision?: string };
      const stored = (written.get(request.requestId) ?? []).map((event) => event.id);
      const told = request.status < 300 ? (answer.events ?? []).map((event) => event.id) : [];
      expect(stored, `${request.command.type} answered ${request.status}`).toEqual(told);
      // Read-your-writes: a read right after a 2xx already includes the write, however busy the case.
      if (request.status < 300) {
        expect(registry.readBack.get(request.requestId) ?? -1n, request.requestId).toBeGreaterThanOrEqual(
          BigInt(answer.revision ?? 0),
        );
      }
    }

    await projections.waitFor(events[events.length - 1]!.position, 30_000);
    for (const caseId of caseIds) {
      const stream = streams.get(`ehe-${caseId}`)!;
      const { state, problems } = replayStream(stream, registry.sent, defaultPolicy);
      expect(problems, `the decider replaying ehe-${caseId}`).toEqual([]);
      const summary = projections.caseSummary.get(caseId);
      expect(summary, `the summary of ${caseId}`).toEqual(foldedSummary(caseId, stream));
      expect(summary).toMatchObject({
        status: state.status,
        open: state.status !== 'closed',
        revision: BigInt(stream.length - 1),
      });
      expect(summary?.officerId).toBe(state.allocatedOfficer ?? undefined);
    }
  });
});
