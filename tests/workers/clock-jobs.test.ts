import { describe, expect, it } from 'vitest';
import { londonDate } from '../../src/domain/calendar/index.js';
import { cmeCodec, cmeDecider } from '../../src/domain/cme/index.js';
import { decideContext } from '../../src/domain/context.js';
import { createCommandHandler } from '../../src/eventstore/handle.js';
import { createOpenClocks, jobIdOf, planForEvent, runAt } from '../../src/workers/clock-jobs.js';
import { createDueClockHandler } from '../../src/workers/due-clocks.js';
import { notificationFor, signatureOf } from '../../src/workers/notifications.js';
import * as cme from '../domain/cme/fixtures.js';
import { calendar, fakeClock, openStore, policy } from './support.js';

const stream = 'ehe-6f1c2a64-8a55-4e0e-9d2a-1f1b3c1d2e3f';
const started = (clock: string, dueOn: string, remindOn?: string) => ({
  clock,
  startedOn: '2026-06-01',
  dueOn,
  ...(remindOn ? { remindOn } : {}),
  policyVersion: 'test',
  dayType: 'working',
});

describe('clock jobs', () => {
  it('a referral plans one deadline job per clock it starts, under ids BullMQ accepts', () => {
    const plan = planForEvent({
      stream,
      type: 'EheReferralReceived',
      data: { clocksStarted: [started('allocation', '2026-06-03'), started('firstContact', '2026-06-08')] },
    });
    expect(plan.add.map(jobIdOf)).toEqual([
      `deadline_${stream}_allocation`,
      `deadline_${stream}_firstContact`,
    ]);
    for (const job of plan.add) expect(jobIdOf(job)).not.toContain(':');
  });

  it('a closure removes every job of every clock', () => {
    const plan = planForEvent({ stream, type: 'EheCaseClosed', data: {} });
    expect(plan.add).toEqual([]);
    expect(plan.remove).toContain(`escalation_${stream}_firstContact_head_of_service`);
    expect(plan.remove).toContain(`reminder_${stream}_annualContact`);
  });

  it('a missed deadline plans the manager rung; a manager escalation the head of service', () => {
    const missed = planForEvent({
      stream,
      type: 'DeadlineMissed',
      data: { clock: 'firstContact', dueOn: '2026-06-08' },
    });
    expect(missed.add).toEqual([
      { kind: 'escalation', stream, clock: 'firstContact', dueOn: '2026-06-08', level: 'manager' },
    ]);
    const escalated = planForEvent({
      stream,
      type: 'CaseEscalated',
      data: { clock: 'firstContact', dueOn: '2026-06-08', level: 'manager' },
    });
    expect(escalated.add.map(jobIdOf)).toEqual([`escalation_${stream}_firstContact_head_of_service`]);
  });

  it('a deadline fires when its London day is over, even in summer time', () => {
    const at = runAt(
      { kind: 'deadline', stream, clock: 'firstContact', dueOn: '2026-06-08' },
      { policy, calendar },
    );
    expect(at.toISOString()).toBe('2026-06-08T23:00:00.000Z');
  });

  it('escalation to the manager waits two working days, to the head of service five more', () => {
    const job = { kind: 'escalation', stream, clock: 'firstContact', dueOn: '2026-06-08' } as const;
    expect(londonDate(runAt({ ...job, level: 'manager' }, { policy, calendar }))).toBe('2026-06-11');
    expect(londonDate(runAt({ ...job, level: 'head_of_service' }, { policy, calendar }))).toBe('2026-06-18');
  });

  it('rebuilding from the log leaves one job per open clock: the next rung for a missed one', () => {
    const open = createOpenClocks();
    open.apply({
      stream,
      type: 'EheReferralReceived',
      data: { clocksStarted: [started('allocation', '2026-06-03'), started('firstContact', '2026-06-08')] },
    });
    open.apply({ stream, type: 'CaseAllocated', data: {} });
    open.apply({ stream, type: 'DeadlineMissed', data: { clock: 'firstContact', dueOn: '2026-06-08' } });
    expect([...open.jobs()].map(jobIdOf)).toEqual([`escalation_${stream}_firstContact_manager`]);
  });

  it('an annual contact clock brings its reminder', () => {
    const open = createOpenClocks();
    open.apply({
      stream,
      type: 'SuitabilityJudged',
      data: { clocksStarted: [started('annualContact', '2027-06-05', '2027-05-06')] },
    });
    expect([...open.jobs()].map((job) => job.kind)).toEqual(['deadline', 'reminder']);
    open.apply({ stream, type: 'AnnualContactDue', data: { dueOn: '2027-06-05' } });
    expect([...open.jobs()].map((job) => job.kind)).toEqual(['deadline']);
  });
});

describe('notifications', () => {
  const recorded = (type: string, data: unknown, at = stream) => ({
    id: 'e1',
    stream: at,
    revision: 0n,
    position: 1n,
    type,
    data,
    metadata: {},
    recordedAt: new Date('2026-06-09T08:00:00Z'),
  });

  it('a high-risk CME judgement is told; a low one is not', () => {
    const cme = 'cme-0b7a9a2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(notificationFor(recorded('CmeRiskAssessed', { level: 'high' }, cme), policy)).toMatchObject({
      reason: 'high_risk_cme',
      caseType: 'cme',
      caseId: '0b7a9a2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    });
    expect(notificationFor(recorded('CmeRiskAssessed', { level: 'low' }, cme), policy)).toBeUndefined();
  });

  it('a priority referral is told, with no personal data', () => {
    const message = notificationFor(
      recorded('EheReferralReceived', { priority: true, child: { givenName: 'Amira' } }),
      policy,
    );
    expect(message?.reason).toBe('priority_referral');
    expect(JSON.stringify(message)).not.toContain('Amira');
  });

  it('the signature is HMAC-SHA256 over the timestamp and the body', () => {
    expect(signatureOf('{}', 'secret', new Date('2026-06-09T08:00:00Z'))).toBe(
      't=1780992000,v1=e95fe48dbcdbbb8aeb38d51eb5fcaa9d4456e9a44ac571b089dcd631c75eab68',
    );
  });
});

describe('due-clock handler', () => {
  it('a missed high-risk CME report escalates to the manager at once, and a rerun appends nothing', async () => {
    const store = openStore();
    const clock = fakeClock('2026-11-02T10:00:00Z');
    const cmeStream = `cme-${cme.caseId}`;
    const context = () => decideContext(clock.now(), policy, { id: 'manager-ben', role: 'manager' });
    const meta = { actor: 'manager-ben', role: 'manager', correlationId: 'c', causationId: 'c' };
    const cmeCase = { decider: cmeDecider, codec: cmeCodec };
    for (const command of [
      cme.referral(),
      cme.allocated(),
      cme.command('AssessCmeRisk', {
        assessedOn: '2026-11-03',
        level: 'high',
        rationale: 'Known to police.',
      }),
    ]) {
      await createCommandHandler(
        store,
        cmeCase,
      )({ stream: cmeStream, command, metadata: meta, context: context() });
      clock.set('2026-11-03T10:00:00Z');
    }
    const handler = createDueClockHandler({ store, policy, now: clock.now });
    clock.set('2026-11-05T08:00:00Z');
    const job = {
      kind: 'deadline',
      stream: cmeStream,
      clock: 'cmeHighRiskReport',
      dueOn: '2026-11-04',
    } as const;
    expect((await handler.run(job, 'job-1')).appended).toEqual(['DeadlineMissed', 'CaseEscalated']);
    expect((await handler.run(job, 'job-1')).appended).toEqual([]);
    const types: string[] = [];
    for await (const event of store.readStream(cmeStream)) types.push(event.type);
    expect(types.filter((type) => type === 'CaseEscalated')).toHaveLength(1);
    await store.close();
  });
});
