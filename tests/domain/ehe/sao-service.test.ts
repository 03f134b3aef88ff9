import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isBankHoliday } from '../../../src/domain/calendar/index.js';
import { DomainError } from '../../../src/domain/decider.js';
import { eheDecider } from '../../../src/domain/ehe/index.js';
import { context } from './fixtures.js';
import {
  byHand,
  caseFrom,
  consult,
  emailConsent,
  expedient,
  later,
  notSatisfied,
  post,
  type Service,
  serve437,
  serve438,
  servedEvent,
  when,
  withdrawConsent,
} from './service-fixtures.js';

const served437 = (issuedOn: string, service: Service) => {
  const event = servedEvent(when(caseFrom(), serve437(issuedOn, service)).thenAccepted());
  return event.type === 'Section437NoticeServed'
    ? { servedOn: event.data.servedOn, basis: event.data.servedOnBasis, endsOn: event.data.periodEndsOn }
    : undefined;
};

describe('IA 1978 s.7: service by post "at the time at which the letter would be delivered in the ordinary course of post"', () => {
  it.each([
    [
      'first class, Thu 21 May 2026, before the Spring bank holiday',
      '2026-05-21',
      'first',
      '2026-05-26',
      '2026-06-09',
    ],
    [
      'second class, Thu 21 May 2026, the 4th working day skips Mon 25 May',
      '2026-05-21',
      'second',
      '2026-05-28',
      '2026-06-11',
    ],
    [
      'first class, Thu 30 April 2026, over the month end and the Early May bank holiday',
      '2026-04-30',
      'first',
      '2026-05-05',
      '2026-05-19',
    ],
    [
      'first class, Thu 2 April 2026, over Good Friday and Easter Monday',
      '2026-04-02',
      'first',
      '2026-04-08',
      '2026-04-22',
    ],
    [
      'first class, Wed 23 December 2026, over Christmas and the substitute Boxing Day',
      '2026-12-23',
      'first',
      '2026-12-29',
      '2027-01-12',
    ],
    [
      'first class, Sat 6 June 2026: Monday is the first working day after posting, not the day of posting',
      '2026-06-06',
      'first',
      '2026-06-09',
      '2026-06-23',
    ],
    [
      'first class, Fri 28 August 2026, over the Summer bank holiday and the month end',
      '2026-08-28',
      'first',
      '2026-09-02',
      '2026-09-16',
    ],
  ] as const)(
    '%s: served %s, so the s.437(2) period "beginning with the day on which the notice is served" ends on the 15th day',
    (_name, postedOn, postClass, servedOn, endsOn) => {
      expect(served437(postedOn, post(postedOn, postClass))).toEqual({
        servedOn,
        basis: 'deemed_delivery_by_post',
        endsOn,
      });
    },
  );

  it('"unless the contrary is proved": a receipt proved on Monday 8 June, before the deemed Tuesday, is the day of service', () => {
    const service: Service = {
      method: 'post',
      postedOn: '2026-06-05',
      postClass: 'first',
      actualReceipt: { receivedOn: '2026-06-08', evidence: 'signed for: Royal Mail tracking' },
    };
    expect(served437('2026-06-05', service)).toEqual({
      servedOn: '2026-06-08',
      basis: 'actual_receipt_proved',
      endsOn: '2026-06-22',
    });
  });

  it('"unless the contrary is proved": a receipt without its evidence proves nothing and is refused', () => {
    const service = {
      ...post('2026-06-05'),
      actualReceipt: { receivedOn: '2026-06-08' },
    } as unknown as Service;
    when(caseFrom(), serve437('2026-06-05', service)).then(
      'field_required',
      'service.actualReceipt.evidence',
    );
  });

  it('a receipt before the letter was posted, or after the deemed day (not modelled: serve again), is refused', () => {
    const receipt = (receivedOn: string): Service => ({
      ...post('2026-06-05'),
      actualReceipt: { receivedOn, evidence: 'the parent says so' },
    });
    when(caseFrom(), serve437('2026-06-04', receipt('2026-06-04'))).then(
      'receipt_before_posting',
      'service.actualReceipt.receivedOn',
    );
    when(caseFrom(), serve437('2026-06-05', receipt('2026-06-10'))).then(
      'receipt_after_deemed_service',
      'service.actualReceipt.receivedOn',
    );
  });

  it('the s.438 window runs from the deemed day too: posted first class on Fri 26 June, served Tue 30 June, the 15 days end on 14 July', () => {
    const events = caseFrom(serve437('2026-06-05', post('2026-06-05')), ...routeToNotice438());
    const event = servedEvent(when(events, serve438('2026-06-26', post('2026-06-26'))).thenAccepted());
    expect(event.type === 'Section438NoticeServed' && [event.data.servedOn, event.data.choiceEndsOn]).toEqual(
      ['2026-06-30', '2026-07-14'],
    );
  });
});

describe('served by hand or left at the address: served that day', () => {
  it.each(['in_person', 'left_at_address'] as const)(
    '%s on Friday 5 June: the period ends on 19 June',
    (method) => {
      expect(served437('2026-06-05', { method, servedOn: '2026-06-05' })).toEqual({
        servedOn: '2026-06-05',
        basis: 'served_that_day',
        endsOn: '2026-06-19',
      });
    },
  );

  it('cannot be served (handed over, left, posted or sent) before the notice was issued', () => {
    when(caseFrom(), serve437('2026-06-05', post('2026-06-04'))).then(
      'service_before_issue',
      'service.postedOn',
    );
    when(caseFrom(), serve437('2026-06-05', byHand('2026-06-04'))).then(
      'service_before_issue',
      'service.servedOn',
    );
  });
});

describe('by email, only with the parent’s recorded consent (local policy: no statutory deemed day found)', () => {
  const email = (sentOn: string, address = 'sara.khan@example.org'): Service => ({
    method: 'email',
    sentOn,
    email: address,
  });

  it('is refused without a consent', () => {
    when(caseFrom(), serve437('2026-06-05', email('2026-06-05'))).then(
      'electronic_service_not_agreed',
      'service.email',
    );
  });

  it('while the consent is in force is served the next working day: sent Fri 28 August 2026, served Tue 1 September (Summer bank holiday)', () => {
    const events = caseFrom(emailConsent('2026-03-10'));
    const event = servedEvent(when(events, serve437('2026-08-28', email('2026-08-28'))).thenAccepted());
    expect(event.data).toMatchObject({
      serviceMethod: 'email',
      servedOn: '2026-09-01',
      servedOnBasis: 'deemed_email_next_working_day',
      periodEndsOn: '2026-09-15',
    });
  });

  it('is refused to another address than the one agreed, before the consent was given and from its withdrawal', () => {
    const events = caseFrom(emailConsent('2026-03-10'), withdrawConsent('2026-06-01'));
    when(events, serve437('2026-05-29', email('2026-05-29', 'other@example.org'))).then(
      'electronic_service_not_agreed',
    );
    when(events, serve437('2026-03-09', email('2026-03-09'))).then('electronic_service_not_agreed');
    when(events, serve437('2026-06-01', email('2026-06-01'))).then('electronic_service_not_agreed');
    when(events, serve437('2026-05-29', email('2026-05-29'))).thenAccepted();
  });
});

describe('property: for any service date and method, the period end is never before deemed service + 14 days', () => {
  const day = fc.integer({ min: 0, max: 290 }).map((n) => addCalendarDays('2026-03-06', n));
  const service = fc.oneof(
    day.map((d): Service => byHand(d)),
    day.map((d): Service => ({ method: 'left_at_address', servedOn: d })),
    fc.tuple(day, fc.constantFrom('first' as const, 'second' as const)).map(([d, c]) => post(d, c)),
    day.map((d): Service => ({ method: 'email', sentOn: d, email: 'sara.khan@example.org' })),
  );
  // The parent agreed to service by email before any day drawn.
  const consented = caseFrom(emailConsent('2026-03-06')).reduce(eheDecider.evolve, eheDecider.initialState());
  const isWeekday = (date: string) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());

  it('holds, and a posted or emailed notice is served on a Monday to Friday that is not a bank holiday, after sending', () => {
    let accepted = 0;
    fc.assert(
      fc.property(service, fc.integer({ min: 15, max: 60 }), (svc, periodDays) => {
        const acted =
          svc.method === 'post' ? svc.postedOn : svc.method === 'email' ? svc.sentOn : svc.servedOn;
        const cmd = serve437(acted, svc, 'parent-1', { periodDays });
        let events: ReturnType<typeof eheDecider.decide>;
        try {
          events = eheDecider.decide(cmd, consented, context(later));
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          return;
        }
        accepted += 1;
        const event = servedEvent(events);
        if (event.type !== 'Section437NoticeServed') throw new Error('not a s.437 notice');
        const { servedOn, periodEndsOn } = event.data;
        expect(periodEndsOn >= addCalendarDays(servedOn, 14)).toBe(true);
        expect(servedOn >= acted).toBe(true);
        if (svc.method === 'post' || svc.method === 'email') {
          expect(servedOn > acted).toBe(true);
          expect(isWeekday(servedOn) && !isBankHoliday(servedOn)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261203 },
    );
    // Every service in the range is one the case accepts: the property is not met by refusals.
    expect(accepted).toBe(300);
  });

  it('holds for the s.438 window too: "15 days beginning with the day on which the notice is served", from the deemed day', () => {
    // The s.437(1) notice posted on 5 June (its period ends 23 June), then not satisfied, expedient, consulted.
    const ready = caseFrom(
      emailConsent('2026-03-06'),
      serve437('2026-06-05', post('2026-06-05')),
      ...routeToNotice438(),
    ).reduce(eheDecider.evolve, eheDecider.initialState());
    const after = fc.integer({ min: 0, max: 200 }).map((n) => addCalendarDays('2026-06-25', n));
    const service438 = fc.oneof(
      after.map((d): Service => byHand(d)),
      fc.tuple(after, fc.constantFrom('first' as const, 'second' as const)).map(([d, c]) => post(d, c)),
      after.map((d): Service => ({ method: 'email', sentOn: d, email: 'sara.khan@example.org' })),
    );
    let accepted = 0;
    fc.assert(
      fc.property(service438, (svc) => {
        const acted =
          svc.method === 'post' ? svc.postedOn : svc.method === 'email' ? svc.sentOn : svc.servedOn;
        const event = servedEvent(eheDecider.decide(serve438(acted, svc), ready, context(later)));
        if (event.type !== 'Section438NoticeServed') throw new Error('not a s.438 notice');
        accepted += 1;
        expect(event.data.choiceEndsOn).toBe(addCalendarDays(event.data.servedOn, 14));
        expect(event.data.servedOn >= acted).toBe(true);
      }),
      { numRuns: 200, seed: 20261203 },
    );
    expect(accepted).toBe(200);
  });
});

/** After the s.437(1) notice posted on 5 June (period ends 23 June): not satisfied, expedient, consulted. */
function routeToNotice438() {
  return [notSatisfied('2026-06-24'), expedient('2026-06-24'), consult('2026-06-25')];
}
