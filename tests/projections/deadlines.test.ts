import { describe, expect, it } from 'vitest';
import { allocate, cmeReferral, createLog, eheReferral, newCaseId, viewsOf } from './fixtures.js';

/** Referred Monday 1 June 2026: allocation due Wednesday 3 June, first contact Monday 8 June. */
function referred() {
  const caseId = newCaseId();
  return { caseId, log: createLog().ehe(caseId, [[eheReferral(caseId), '2026-06-01']]) };
}

describe('deadlines', () => {
  it('every open clock with its due date, and a status computed against today', () => {
    const { caseId, log } = referred();
    const { query } = viewsOf(log.recorded, '2026-06-01');
    expect(query.deadlines.open()).toEqual([
      expect.objectContaining({
        caseId,
        caseType: 'ehe',
        clock: 'allocation',
        dueOn: '2026-06-03',
        status: 'due_soon',
        escalation: 'none',
        priority: false,
      }),
      expect.objectContaining({ caseId, clock: 'firstContact', dueOn: '2026-06-08', status: 'due_soon' }),
    ]);
    expect(
      viewsOf(log.recorded, '2026-05-01')
        .query.deadlines.open()
        .map((d) => d.status),
    ).toEqual(['due', 'due']);
  });

  it('a clock past its due date with no DeadlineMissed is overdue; the sweep reads only those', () => {
    const { caseId, log } = referred();
    const { query } = viewsOf(log.recorded, '2026-06-05');
    expect(query.deadlines.open({ status: ['overdue'] })).toEqual([
      expect.objectContaining({ caseId, clock: 'allocation', status: 'overdue' }),
    ]);
  });

  it('a recorded DeadlineMissed makes it missed, an escalation escalated', () => {
    const caseId = newCaseId();
    const more = createLog().ehe(caseId, [
      [eheReferral(caseId), '2026-06-01'],
      [{ type: 'RecordDeadlineMissed', data: { clock: 'allocation', dueOn: '2026-06-03' } }, '2026-06-04'],
    ]);
    const missed = viewsOf(more.recorded, '2026-06-05').query.deadlines.open({ caseId });
    expect(missed.find((d) => d.clock === 'allocation')?.status).toBe('missed');
    expect(viewsOf(more.recorded, '2026-06-05').query.deadlines.open({ status: ['overdue'] })).toEqual([]);

    const escalated = createLog().ehe(caseId, [
      [eheReferral(caseId), '2026-06-01'],
      [{ type: 'RecordDeadlineMissed', data: { clock: 'allocation', dueOn: '2026-06-03' } }, '2026-06-04'],
      [{ type: 'EscalateCase', data: { clock: 'allocation', level: 'manager' } }, '2026-06-08'],
    ]);
    const [allocation] = viewsOf(escalated.recorded, '2026-06-08').query.deadlines.open({
      status: ['escalated'],
    });
    expect(allocation).toMatchObject({ clock: 'allocation', status: 'escalated', escalation: 'manager' });
  });

  it('a stopped clock leaves the view; the officer is shown on the rest', () => {
    const { caseId } = referred();
    const log = createLog().ehe(caseId, [
      [eheReferral(caseId), '2026-06-01'],
      [allocate('officer-1', '2026-06-02'), '2026-06-02'],
    ]);
    expect(viewsOf(log.recorded, '2026-06-02').query.deadlines.open()).toEqual([
      expect.objectContaining({ clock: 'firstContact', officerId: 'officer-1' }),
    ]);
  });

  it('is queried by due-date range across cases, earliest first', () => {
    const log = createLog();
    const early = newCaseId();
    const late = newCaseId();
    log.ehe(late, [[eheReferral(late, { receivedOn: '2026-06-08' }), '2026-06-08']]);
    log.cme(early, [[cmeReferral(early), '2026-06-01']]);
    const { query } = viewsOf(log.recorded, '2026-06-08');
    const due = query.deadlines.open({ dueFrom: '2026-06-03', dueTo: '2026-06-10' });
    expect(due.map((d) => d.dueOn)).toEqual([...due.map((d) => d.dueOn)].sort());
    expect(due.every((d) => d.dueOn >= '2026-06-03' && d.dueOn <= '2026-06-10')).toBe(true);
    expect(due.map((d) => d.caseId)).toContain(late);
    expect(due.map((d) => d.caseId)).toContain(early);
  });
});
