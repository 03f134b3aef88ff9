import { describe, expect, it } from 'vitest';
import { clockEffects } from '../../../src/domain/clocks.js';
import type { DecideContext } from '../../../src/domain/context.js';
import type { EheCommandInput } from '../../../src/domain/ehe/index.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import { command, given, history, on, referral } from './fixtures.js';

/**
 * The Children Not In School register's duties on an EHE case (issue 18 item 3; EA 1996 ss.436B, 436D, 436E
 * inserted by CWSA 2026 s.38), with the register commenced (a date in the past) and not yet (in the future).
 * The referral is received Monday 1 June 2026; today is Monday 15 June 2026.
 */
const withCommencement = (cnisRegister: string): Partial<DecideContext> => ({
  policy: { ...defaultPolicy, commencement: { ...defaultPolicy.commencement, cnisRegister } },
});
const commenced = withCommencement('2026-01-01');
const notYet = withCommencement('2027-09-01');

type Body<T extends EheCommandInput['type']> = Extract<EheCommandInput, { type: T }>['data'];
const decideVisit = (data: Partial<Body<'DecideRegisterHomeVisit'>> = {}) =>
  command({
    type: 'DecideRegisterHomeVisit',
    data: {
      decidedOn: '2026-06-05',
      whereChildLives: 'With her mother at the family home.',
      homeVisit: 'requested',
      proposedFor: '2026-06-12',
      ...data,
    },
  });
const answerVisit = (answer: 'accepted' | 'refused') =>
  command({ type: 'RecordRegisterHomeVisitAnswer', data: { answeredOn: '2026-06-08', answer } });
const askParent = (requestId = 'request-1', requestedOn = '2026-06-02') =>
  command({
    type: 'RequestParentRegisterInformation',
    data: { requestId, parentId: 'parent-1', requestedOn, kind: 'on_becoming_eligible' },
  });
const parentAnswers = (requestId?: string) =>
  command({
    type: 'RecordParentRegisterInformation',
    data: {
      ...(requestId ? { requestId } : {}),
      parentId: 'parent-1',
      receivedOn: '2026-06-10',
      completeness: 'complete',
      summary: 'Both parents named; 25 hours a week by the mother.',
    },
  });
const notProvided = (recordedOn: string) =>
  command({
    type: 'RecordParentRegisterInformationNotProvided',
    data: { requestId: 'request-1', recordedOn },
  });
const missed = (clock: 'registerParentResponse' | 'registerHomeVisitDecision', dueOn: string) =>
  command({ type: 'RecordDeadlineMissed', data: { clock, dueOn } });
const askProvider = (requestId: string, requestedOn: string, providerId = 'tutor-1') =>
  command({
    type: 'RequestProviderRegisterInformation',
    data: { requestId, providerId, providerName: 'Bright Maths Tuition', requestedOn },
  });

const homeVisitClock = {
  clock: 'registerHomeVisitDecision',
  startedOn: '2026-06-01',
  dueOn: '2026-06-15',
  policyVersion: defaultPolicy.version,
  dayType: 'beginning_with',
};

describe('s.436B: where the child lives considered within 15 days of registration, a home visit requested', () => {
  it('starts the 15-day clock at registration once the register has commenced, not before', () => {
    const after = history([referral(), commenced]).events[0]?.data as { clocksStarted: unknown[] };
    expect(after.clocksStarted).toContainEqual(homeVisitClock);
    const before = history([referral(), notYet]).events[0]?.data as { clocksStarted: { clock: string }[] };
    expect(before.clocksStarted.map((c) => c.clock)).not.toContain('registerHomeVisitDecision');
  });

  it('registration is the day home education began when that is after the referral', () => {
    const later = history([referral({ eheStartDate: '2026-06-04' }), commenced]).events[0]?.data as {
      clocksStarted: { clock: string; startedOn: string }[];
    };
    expect(later.clocksStarted.find((c) => c.clock === 'registerHomeVisitDecision')?.startedOn).toBe(
      '2026-06-04',
    );
  });

  it('records the decision under the duty, stopping the clock; a decision not made in time is missed', () => {
    const { state, events } = history([referral(), commenced], [decideVisit(), commenced]);
    expect(events[1]).toEqual({
      type: 'RegisterHomeVisitDecided',
      data: {
        decidedOn: '2026-06-05',
        whereChildLives: 'With her mother at the family home.',
        homeVisit: 'requested',
        proposedFor: '2026-06-12',
        basis: 'statutory',
        legalBasis: 'CWSA2026_s436B',
        decidedBy: 'manager-1',
      },
    });
    expect(state.clocks.registerHomeVisitDecision).toBeUndefined();
    given(history([referral(), commenced]).events)
      .when(missed('registerHomeVisitDecision', '2026-06-15'), on('2026-06-16T09:00:00Z'))
      .then([
        {
          type: 'DeadlineMissed',
          data: { clock: 'registerHomeVisitDecision', dueOn: '2026-06-15', recordedOn: '2026-06-16' },
        },
      ]);
  });

  it('before commencement the decision may be recorded, marked voluntary', () => {
    const [event] = given(history([referral(), notYet]).events)
      .when(decideVisit(), notYet)
      .thenAccepted();
    expect(event?.data).toMatchObject({ basis: 'voluntary', legalBasis: 'CWSA2026_s436B' });
  });

  it('is decided once; a day is proposed only for a visit requested', () => {
    const decided = history(referral(), decideVisit()).events;
    given(decided).when(decideVisit()).then('register_home_visit_decided');
    given(history(referral()).events)
      .when(decideVisit({ homeVisit: 'not_requested' }))
      .then('contradictory_fields', 'proposedFor');
  });

  it('a refused visit under the duty is a ground for the new order regime; before commencement it is not', () => {
    given(history([referral(), commenced], [decideVisit(), commenced]).events)
      .when(answerVisit('refused'), commenced)
      .then([
        {
          type: 'RegisterHomeVisitAnswered',
          data: {
            answeredOn: '2026-06-08',
            answer: 'refused',
            basis: 'statutory',
            legalBasis: 'CWSA2026_s436B',
            recordedBy: 'manager-1',
          },
        },
        {
          type: 'RegisterSaoGroundRecorded',
          data: {
            ground: 'home_visit_refused',
            aroseOn: '2026-06-08',
            legalBasis: 'CWSA2026_s436B',
            recordedBy: 'manager-1',
          },
        },
      ]);
    const voluntary = given(history([referral(), notYet], [decideVisit(), notYet]).events)
      .when(answerVisit('refused'), notYet)
      .thenAccepted();
    expect(voluntary.map((e) => e.type)).toEqual(['RegisterHomeVisitAnswered']);
    expect(voluntary[0]?.data).toMatchObject({ basis: 'voluntary' });
    const accepted = given(history([referral(), commenced], [decideVisit(), commenced]).events)
      .when(answerVisit('accepted'), commenced)
      .thenAccepted();
    expect(accepted.map((e) => e.type)).toEqual(['RegisterHomeVisitAnswered']);
  });

  it('is answered only when a visit was requested, and once', () => {
    given(history(referral(), decideVisit({ homeVisit: 'not_requested', proposedFor: undefined })).events)
      .when(answerVisit('accepted'))
      .then('register_home_visit_not_requested');
    given(history(referral(), decideVisit(), answerVisit('accepted')).events)
      .when(answerVisit('refused'))
      .then('register_home_visit_not_requested');
  });
});

describe('s.436B: a child already on the register when it commences is registered under the duty from that day', () => {
  // Referred 1 June 2026 while the register was kept voluntarily; it commences 10 June; today is 15 June.
  const commencing = withCommencement('2026-06-10');
  const start = (commencedOn = '2026-06-10') =>
    command({ type: 'StartRegisterDuties', data: { commencedOn } });

  it('starts the 15-day consideration from commencement, once', () => {
    const { events, state } = history([referral(), commencing], [start(), commencing]);
    expect(events[1]).toEqual({
      type: 'RegisterDutiesCommenced',
      data: {
        commencedOn: '2026-06-10',
        registeredOn: '2026-06-01',
        legalBasis: 'CWSA2026_s436B',
        recordedBy: 'manager-1',
        clocksStarted: [
          expect.objectContaining({
            clock: 'registerHomeVisitDecision',
            startedOn: '2026-06-10',
            dueOn: '2026-06-24',
          }),
        ],
      },
    });
    expect(state.clocks.registerHomeVisitDecision?.dueOn).toBe('2026-06-24');
    expect(
      history([referral(), commencing], [start(), commencing], [start(), commencing]).events,
    ).toHaveLength(2);
  });

  it('starts nothing for a child registered after commencement, whose referral started it', () => {
    expect(history([referral(), commenced], [start('2026-01-01'), commenced]).events).toHaveLength(1);
  });

  it('starts nothing before the day, for another day than the policy’s, or once the council has decided', () => {
    const future = withCommencement('2026-07-01');
    expect(history([referral(), future], [start('2026-07-01'), future]).events).toHaveLength(1);
    expect(history([referral(), commencing], [start('2026-06-11'), commencing]).events).toHaveLength(1);
    const decided = history([referral(), commencing], [decideVisit(), commencing], [start(), commencing]);
    expect(decided.events.map((event) => event.type)).toEqual([
      'EheReferralReceived',
      'RegisterHomeVisitDecided',
    ]);
  });
});

describe("s.436D: the parent's information, asked for with a response period the regulations will set", () => {
  it('under the duty the request starts the response clock, the policy period (15 days beginning with it)', () => {
    const [event] = given(history([referral(), commenced]).events)
      .when(askParent(), commenced)
      .thenAccepted();
    expect(event?.data).toMatchObject({
      respondBy: '2026-06-16',
      basis: 'statutory',
      legalBasis: 'CWSA2026_s436D',
      clocksStarted: [{ clock: 'registerParentResponse', startedOn: '2026-06-02', dueOn: '2026-06-16' }],
    });
  });

  it('the deadlines view and the clock scheduler read the clock from the shared table', () => {
    const { events } = history(
      [referral(), commenced],
      [askParent(), commenced],
      [parentAnswers('request-1'), commenced],
    );
    expect(clockEffects(events[1]!).started.map((c) => [c.clock, c.dueOn])).toEqual([
      ['registerParentResponse', '2026-06-16'],
    ]);
    expect(clockEffects(events[2]!).stopped).toEqual(['registerParentResponse']);
  });

  it('before commencement the request runs no clock, marked voluntary', () => {
    const [event] = given(history([referral(), notYet]).events)
      .when(askParent(), notYet)
      .thenAccepted();
    expect(event?.data).toMatchObject({ respondBy: '2026-06-16', basis: 'voluntary', clocksStarted: [] });
  });

  it('the answer stops the clock; a change may be told unasked; one request awaits at a time', () => {
    const asked = history([referral(), commenced], [askParent(), commenced]);
    given(asked.events).when(askParent('request-2')).then('register_request_awaiting');
    const answered = history(
      [referral(), commenced],
      [askParent(), commenced],
      [parentAnswers('request-1'), commenced],
    );
    expect(answered.events[2]?.data).toMatchObject({
      requestId: 'request-1',
      clocksStopped: ['registerParentResponse'],
    });
    expect(answered.state.clocks.registerParentResponse).toBeUndefined();
    expect(answered.state.register.parentRequests['request-1']?.status).toBe('answered');
    const unasked = given(answered.events).when(parentAnswers(), commenced).thenAccepted();
    expect(unasked[0]?.data).toMatchObject({ requestId: null, clocksStopped: [] });
    given(answered.events)
      .when(parentAnswers('request-1'))
      .then('register_request_not_awaiting', 'requestId');
  });

  it('asks only a parent of the case', () => {
    given(history(referral()).events)
      .when(
        command({
          type: 'RequestParentRegisterInformation',
          data: { ...askParent().data, parentId: 'parent-9' } as never,
        }),
      )
      .then('parent_not_on_case', 'parentId');
  });

  it('a parent who never answers: the clock misses, then the failure is a ground for the new order regime', () => {
    const asked = history([referral(), commenced], [askParent(), commenced]).events;
    given(asked)
      .when(missed('registerParentResponse', '2026-06-16'), on('2026-06-17T09:00:00Z'))
      .then([
        {
          type: 'DeadlineMissed',
          data: { clock: 'registerParentResponse', dueOn: '2026-06-16', recordedOn: '2026-06-17' },
        },
      ]);
    given(asked)
      .when(notProvided('2026-06-16'), { ...commenced, ...on('2026-06-17T09:00:00Z') })
      .then('response_period_running', 'recordedOn');
    const failed = given(asked)
      .when(notProvided('2026-06-17'), { ...commenced, ...on('2026-06-17T09:00:00Z') })
      .thenAccepted();
    expect(failed).toEqual([
      {
        type: 'RegisterInformationNotProvided',
        data: {
          requestId: 'request-1',
          recordedOn: '2026-06-17',
          parentId: 'parent-1',
          requestedOn: '2026-06-02',
          respondBy: '2026-06-16',
          basis: 'statutory',
          legalBasis: 'CWSA2026_s436D',
          recordedBy: 'manager-1',
        },
      },
      {
        type: 'RegisterSaoGroundRecorded',
        data: {
          ground: 'register_information_not_provided',
          aroseOn: '2026-06-17',
          legalBasis: 'CWSA2026_s436D',
          recordedBy: 'manager-1',
        },
      },
    ]);
  });

  it('before commencement a parent who never answers misses no clock and gives no ground', () => {
    const asked = history([referral(), notYet], [askParent(), notYet]).events;
    given(asked).when(missed('registerParentResponse', '2026-06-16'), on('2026-06-17T09:00:00Z')).then([]);
    const failed = given(asked)
      .when(notProvided('2026-06-17'), { ...notYet, ...on('2026-06-17T09:00:00Z') })
      .thenAccepted();
    expect(failed.map((e) => e.type)).toEqual(['RegisterInformationNotProvided']);
    expect(failed[0]?.data).toMatchObject({ basis: 'voluntary' });
  });
});

describe('s.436E: providers asked no more often than every 3 months', () => {
  const later = (iso: string, policy = commenced) => ({ ...policy, ...on(`${iso}T09:00:00Z`) });
  const first = () =>
    history([referral(), commenced], [askProvider('p-1', '2026-06-03'), later('2026-06-03')]).events;

  it('refuses a sooner request to the same provider, naming the day the next may be made', () => {
    let message = '';
    try {
      given(first()).when(askProvider('p-2', '2026-09-02'), later('2026-09-02')).events();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('2026-09-03');
    given(first())
      .when(askProvider('p-2', '2026-09-02'), later('2026-09-02'))
      .then('provider_request_too_soon', 'requestedOn');
    given(first()).when(askProvider('p-2', '2026-09-03'), later('2026-09-03')).thenAccepted();
    given(first())
      .when(askProvider('p-2', '2026-06-10', 'music-school'), later('2026-06-10'))
      .thenAccepted();
  });

  it('sets no limit before commencement: voluntary requests bind no provider', () => {
    const voluntary = history(
      [referral(), notYet],
      [askProvider('p-1', '2026-06-03'), later('2026-06-03', notYet)],
    ).events;
    const [event] = given(voluntary)
      .when(askProvider('p-2', '2026-06-10'), later('2026-06-10', notYet))
      .thenAccepted();
    expect(event?.data).toMatchObject({ basis: 'voluntary', legalBasis: 'CWSA2026_s436E' });
  });

  it("records the provider's answer once, to a request made", () => {
    const answer = command({
      type: 'RecordProviderRegisterInformation',
      data: { requestId: 'p-1', receivedOn: '2026-06-09', hoursPerWeek: 4, summary: 'Two sessions a week.' },
    });
    const [event] = given(first()).when(answer, later('2026-06-10')).thenAccepted();
    expect(event?.data).toMatchObject({ providerId: 'tutor-1', basis: 'statutory' });
    const answered = history(
      [referral(), commenced],
      [askProvider('p-1', '2026-06-03'), later('2026-06-03')],
      [answer, later('2026-06-10')],
    ).events;
    given(answered).when(answer, later('2026-06-10')).then('register_request_not_awaiting', 'requestId');
  });
});

describe('ss.436F and 436G: disclosures and support, recorded as events', () => {
  it('records support offered when the family asked, and each disclosure with its purpose', () => {
    const support = command({
      type: 'RecordRegisterSupportOffer',
      data: { askedOn: '2026-06-03', offeredOn: '2026-06-05', support: 'Exam centre details.' },
    });
    const [offered] = given(history([referral(), commenced]).events)
      .when(support, commenced)
      .thenAccepted();
    expect(offered).toMatchObject({
      type: 'RegisterSupportOffered',
      data: { basis: 'statutory', legalBasis: 'CWSA2026_s436G' },
    });
    given(history(referral()).events)
      .when(
        command({
          type: 'RecordRegisterSupportOffer',
          data: { ...support.data, offeredOn: '2026-06-02' } as never,
        }),
      )
      .then('date_before_previous_step', 'offeredOn');
    const disclosure = command({
      type: 'RecordRegisterDisclosure',
      data: {
        disclosedOn: '2026-06-10',
        recipient: { name: 'Children’s Services MASH', kind: 'childrens_social_care' },
        purpose: 'Strategy discussion.',
        information: 'Name, address and hours of education.',
      },
    });
    const [disclosed] = given(history([referral(), notYet]).events)
      .when(disclosure, notYet)
      .thenAccepted();
    expect(disclosed).toMatchObject({
      type: 'RegisterInformationDisclosed',
      data: {
        basis: 'voluntary',
        legalBasis: 'CWSA2026_s436F',
        recipient: { kind: 'childrens_social_care' },
      },
    });
  });
});
