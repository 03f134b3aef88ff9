import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EheCommandInput } from '../../src/domain/ehe/index.js';
import type { EventStore } from '../../src/eventstore/types.js';
import type { WebhookSettings } from '../../src/workers/notification-worker.js';
import { orderServedOn, springReferral, springRoute, woodlands } from '../domain/ehe/sao-route.js';
import { cleanupsAfterEach } from '../support/cleanups.js';
import type { FakeClock } from './support.js';
import {
  contactMade,
  embeddedTrigger,
  eventsOf,
  fakeClock,
  headPosition,
  openStore,
  record,
  referredCase,
  waitUntil,
} from './support.js';
import { flakyWebhookServer, WEBHOOK_SECRET } from './webhook-server.js';

const cleanups = cleanupsAfterEach();

/** The trigger over the default policy, closed after each test. */
const embedded = (store: EventStore, clock: FakeClock, webhooks?: WebhookSettings) =>
  embeddedTrigger(store, clock, cleanups, webhooks ? { webhooks } : {});

function setUp() {
  const store = openStore();
  cleanups.push(() => store.close());
  return { store, clock: fakeClock('2026-06-01T10:00:00Z') };
}

const levelsOf = async (store: EventStore, caseId: string) =>
  (await eventsOf(store, caseId, 'CaseEscalated')).map((e) => (e.data as { level: string }).level);

describe('embedded trigger (no Redis)', () => {
  it('a referral with no contact yields DeadlineMissed once its due date has passed, and only once', async () => {
    const { store, clock } = setUp();
    const caseId = await referredCase(store, clock);
    const trigger = await embedded(store, clock);
    expect((await trigger.sweepAt('2026-06-08T16:00:00Z')).appended).toEqual([]);
    expect((await trigger.sweepAt('2026-06-09T08:00:00Z')).appended).toEqual(['DeadlineMissed']);
    await trigger.sweepAt('2026-06-09T09:00:00Z');
    const missed = await eventsOf(store, caseId, 'DeadlineMissed');
    expect(missed.map((e) => e.data)).toEqual([
      { clock: 'firstContact', dueOn: '2026-06-08', recordedOn: '2026-06-09' },
    ]);
  });

  it('a contact before the due date yields nothing', async () => {
    const { store, clock } = setUp();
    const caseId = await referredCase(store, clock);
    const trigger = await embedded(store, clock);
    clock.set('2026-06-05T10:00:00Z');
    await record(store, caseId, contactMade('2026-06-05'), clock);
    await trigger.sweepAt('2026-06-09T08:00:00Z');
    expect(await eventsOf(store, caseId, 'DeadlineMissed')).toEqual([]);
  });

  it('the escalation ladder walks to the manager and the head of service', async () => {
    const { store, clock } = setUp();
    const caseId = await referredCase(store, clock);
    const trigger = await embedded(store, clock);
    await trigger.sweepAt('2026-06-09T08:00:00Z');
    await trigger.sweepAt('2026-06-10T12:00:00Z');
    expect(await levelsOf(store, caseId)).toEqual([]);
    await trigger.sweepAt('2026-06-11T08:00:00Z');
    expect(await levelsOf(store, caseId)).toEqual(['manager']);
    await trigger.sweepAt('2026-06-18T08:00:00Z');
    expect(await levelsOf(store, caseId)).toEqual(['manager', 'head_of_service']);
  });

  it('the ladder stops when the contact is made', async () => {
    const { store, clock } = setUp();
    const caseId = await referredCase(store, clock);
    const trigger = await embedded(store, clock);
    await trigger.sweepAt('2026-06-09T08:00:00Z');
    await trigger.sweepAt('2026-06-11T08:00:00Z');
    clock.set('2026-06-12T10:00:00Z');
    await record(store, caseId, contactMade('2026-06-12'), clock);
    await trigger.sweepAt('2026-06-30T08:00:00Z');
    expect(await levelsOf(store, caseId)).toEqual(['manager']);
  });

  it('the annual review of a case in monitoring becomes due, as an event, when its reminder date comes', async () => {
    const { store, clock } = setUp();
    const caseId = await referredCase(store, clock);
    clock.set('2026-06-05T10:00:00Z');
    await record(store, caseId, contactMade('2026-06-04'), clock);
    await record(
      store,
      caseId,
      {
        type: 'JudgeSuitability',
        data: { judgedOn: '2026-06-05', outcome: 'suitable', rationale: 'report seen' },
      },
      clock,
    );
    const trigger = await embedded(store, clock);
    await trigger.sweepAt('2027-05-05T10:00:00Z');
    expect(await eventsOf(store, caseId, 'AnnualContactDue')).toEqual([]);
    await trigger.sweepAt('2027-05-06T10:00:00Z');
    await trigger.sweepAt('2027-05-07T10:00:00Z');
    const due = await eventsOf(store, caseId, 'AnnualContactDue');
    expect(due.map((e) => e.data)).toEqual([
      { dueOn: '2027-06-05', remindOn: '2027-05-06', recordedOn: '2027-05-06' },
    ]);
  });

  it('a receiver that fails twice then succeeds gets one signed delivery', async () => {
    const { store, clock } = setUp();
    const receiver = await flakyWebhookServer(2);
    cleanups.push(() => receiver.close());
    const caseId = await referredCase(store, clock);
    const trigger = await embedded(store, clock, {
      urls: [receiver.url],
      secret: WEBHOOK_SECRET,
      attempts: 5,
      backoffMs: 20,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await trigger.sweepAt('2026-06-09T08:00:00Z');
    await waitUntil(() => receiver.delivered.length === 1);
    expect(receiver.refused()).toBe(2);
    expect(receiver.delivered[0]?.signatureValid).toBe(true);
    expect(receiver.delivered[0]?.body).toMatchObject({ reason: 'deadline_missed', caseId });
  });
});

/** Born 31 August 2010: the school leaving date is Friday 26 June 2026; the order was served in April. */
const route: EheCommandInput[] = [
  ...springRoute,
  orderServedOn('2026-04-14'),
  {
    type: 'RecordNamedSchoolInformed',
    data: { informedOn: '2026-04-15', governingBody: true, headTeacher: true },
  },
  { type: 'RecordSaoCompliance', data: { registeredOn: '2026-04-20', school: woodlands } },
] as EheCommandInput[];
const dayOf = (command: EheCommandInput) =>
  Object.values(command.data).find(
    (v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  );

describe('s.437(4): the order lapses with compulsory school age, through the deadline worker', () => {
  it('the sweep after the leaving date records the lapse once, never a missed deadline, and the views never call it overdue', async () => {
    const { store, clock } = setUp();
    const caseId = randomUUID();
    await record(
      store,
      caseId,
      {
        ...springReferral('2010-08-31'),
        data: { ...springReferral('2010-08-31').data, caseId },
      } as EheCommandInput,
      clock,
    );
    for (const command of route) {
      clock.set(`${dayOf(command)}T10:00:00Z`);
      await record(store, caseId, command, clock);
    }
    const { projections, sweepAt } = await embedded(store, clock);
    await sweepAt('2026-06-26T21:00:00Z');
    expect(await eventsOf(store, caseId, 'SchoolAttendanceOrderLapsed')).toEqual([]);
    // After midnight, before the worker runs: the clock is still open, and reads as due, not overdue.
    clock.set('2026-06-27T00:30:00+01:00');
    const waiting = projections.deadlines.open({ caseId }).find((d) => d.clock === 'saoInForce');
    expect(waiting).toMatchObject({ dueOn: '2026-06-26', status: 'due' });
    expect(projections.deadlines.open({ status: ['overdue'] }).map((d) => d.clock)).not.toContain(
      'saoInForce',
    );
    await sweepAt('2026-06-27T08:00:00Z');
    await sweepAt('2026-07-20T08:00:00Z');
    const lapsed = await eventsOf(store, caseId, 'SchoolAttendanceOrderLapsed');
    expect(lapsed.map((e) => e.data)).toEqual([
      { inForceUntil: '2026-06-26', recordedOn: '2026-06-27', legalBasis: 'EA1996_s437_4' },
    ]);
    const missed = await eventsOf(store, caseId, 'DeadlineMissed');
    expect(missed.map((e) => (e.data as { clock: string }).clock)).not.toContain('saoInForce');
    const escalated = await eventsOf(store, caseId, 'CaseEscalated');
    expect(escalated.map((e) => (e.data as { clock: string }).clock)).not.toContain('saoInForce');
    await projections.waitFor(await headPosition(store));
    const open = projections.deadlines.open({ caseId });
    expect(open.map((d) => d.clock)).not.toContain('saoInForce');
  });
});

describe('s.437(4): an order stored as a v1 event, before the in-force clock existed, still lapses', () => {
  it('the sweep after the leaving date finds the replayed clock and the worker records the lapse', async () => {
    const { store, clock } = setUp();
    const caseId = randomUUID();
    const frozen = JSON.parse(
      readFileSync(new URL('../domain/fixtures/events-v1/ehe.json', import.meta.url), 'utf8'),
    ) as { type: string; data: Record<string, unknown> }[];
    const v1 = (type: string) => frozen.find((f) => f.type === type)?.data ?? {};
    const referral = v1('EheReferralReceived');
    const metadata = {
      actor: 'manager-1',
      role: 'manager',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-01-30T09:00:00Z',
      schemaVersion: 1,
    };
    // Born 31 August 2010 (leaving date Friday 26 June 2026); the order served by hand on 30 January 2026.
    await store.append(
      `ehe-${caseId}`,
      [
        {
          type: 'EheReferralReceived',
          data: {
            ...referral,
            caseId,
            receivedOn: '2025-12-05',
            child: { ...(referral.child as object), dateOfBirth: '2010-08-31' },
          },
          metadata,
        },
        {
          type: 'SchoolAttendanceOrderServed',
          data: {
            ...v1('SchoolAttendanceOrderServed'),
            issuedOn: '2026-01-30',
            servedOn: '2026-01-30',
            clocksStarted: [],
          },
          metadata,
        },
      ],
      'no_stream',
    );
    clock.set('2026-06-20T10:00:00Z');
    const { sweepAt } = await embedded(store, clock);
    await sweepAt('2026-06-26T21:00:00Z');
    expect(await eventsOf(store, caseId, 'SchoolAttendanceOrderLapsed')).toEqual([]);
    await sweepAt('2026-06-27T08:00:00Z');
    const lapsed = await eventsOf(store, caseId, 'SchoolAttendanceOrderLapsed');
    expect(lapsed.map((e) => e.data)).toEqual([
      { inForceUntil: '2026-06-26', recordedOn: '2026-06-27', legalBasis: 'EA1996_s437_4' },
    ]);
  });
});

describe('EA 1996 s.8(3): the sweep closes a case whose child has passed the school leaving date', () => {
  it('the day after the leaving date, once, with its reason; the dashboard lists it until then only', async () => {
    const { store, clock } = setUp();
    const caseId = randomUUID();
    const leaver = springReferral('2010-08-31');
    await record(store, caseId, { ...leaver, data: { ...leaver.data, caseId } } as EheCommandInput, clock);
    const { projections, sweepAt } = await embedded(store, clock);
    await sweepAt('2026-06-26T21:00:00Z');
    expect(await eventsOf(store, caseId, 'EheCaseClosed')).toEqual([]);
    expect(projections.dashboard.get('2026-06-27').pastSchoolAge).toMatchObject({
      count: 1,
      items: [{ caseId, since: '2026-06-26' }],
    });
    await sweepAt('2026-06-27T08:00:00Z');
    await sweepAt('2026-06-29T08:00:00Z');
    const closed = await eventsOf(store, caseId, 'EheCaseClosed');
    expect(closed.map((e) => e.data)).toEqual([
      {
        closedOn: '2026-06-27',
        reason: 'end_of_compulsory_school_age',
        reasonText: 'The school leaving date was 2026-06-26 (EA 1996 s.8(3)); closed by the daily sweep.',
        closedBy: 'sightline-clock-worker',
      },
    ]);
    await projections.waitFor(await headPosition(store));
    expect(projections.dashboard.get('2026-06-29').pastSchoolAge.count).toBe(0);
    expect(projections.caseSummary.get(caseId)?.status).toBe('closed');
  });
});
