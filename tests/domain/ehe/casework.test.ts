import { describe, expect, it } from 'vitest';
import { allocate, as, command, given, history, judge, referral } from './fixtures.js';

const contact = (attemptedOn: string, outcome: 'contact_made' | 'no_answer' = 'contact_made') =>
  command({ type: 'RecordContactAttempt', data: { attemptedOn, method: 'phone', outcome } });
const offer = (visitId = 'v1', offeredOn = '2026-06-04', proposedFor = '2026-06-10') =>
  command({ type: 'OfferVisit', data: { visitId, offeredOn, proposedFor, location: 'home' } });
const held = (heldOn = '2026-06-10', visitId = 'v1') =>
  command({
    type: 'RecordVisitHeld',
    data: { visitId, heldOn, notes: 'structured programme seen', outcome: 'satisfactory' },
  });

describe('allocation', () => {
  it('stops the allocation clock and opens the case', () => {
    const { state } = history(referral(), allocate());
    expect(state.status).toBe('open');
    expect(state.allocatedOfficer).toBe('officer-1');
    expect(state.clocks.allocation).toBeUndefined();
    given(history(referral()).events)
      .when(allocate())
      .then([
        {
          type: 'CaseAllocated',
          data: { officerId: 'officer-1', allocatedOn: '2026-06-02', allocatedBy: 'manager-1' },
        },
      ]);
  });

  it('happens once: a second allocation is a reallocation', () => {
    given(history(referral(), allocate()).events)
      .when(allocate('officer-2'))
      .then('already_allocated', 'officerId');
  });

  it('is reallocated with who and why', () => {
    given(history(referral(), allocate()).events)
      .when(
        command({
          type: 'ReallocateCase',
          data: { officerId: 'officer-2', reallocatedOn: '2026-06-03', reason: 'officer-1 on leave' },
        }),
      )
      .then([
        {
          type: 'CaseReallocated',
          data: {
            officerId: 'officer-2',
            reallocatedOn: '2026-06-03',
            reason: 'officer-1 on leave',
            previousOfficerId: 'officer-1',
            reallocatedBy: 'manager-1',
          },
        },
      ]);
  });

  it('cannot be reallocated before it is allocated', () => {
    given(history(referral()).events)
      .when(
        command({
          type: 'ReallocateCase',
          data: { officerId: 'o', reallocatedOn: '2026-06-03', reason: 'r' },
        }),
      )
      .then('not_allocated');
  });

  it('cannot be dated before the referral', () => {
    given(history(referral()).events)
      .when(allocate('officer-1', '2026-05-31'))
      .then('date_before_referral', 'allocatedOn');
  });
});

describe('contact', () => {
  it('needs an allocated officer', () => {
    given(history(referral()).events).when(contact('2026-06-02')).then('not_allocated');
  });

  it('by an officer is only on cases allocated to them', () => {
    const { events } = history(referral(), allocate('officer-1'));
    given(events).when(contact('2026-06-03'), as('officer-2', 'officer')).then('not_allocated');
    given(events).when(contact('2026-06-03'), as('officer-1', 'officer')).thenAccepted();
  });

  it('an unsuccessful attempt leaves the first-contact clock running', () => {
    const { events } = history(referral(), allocate());
    const [event] = given(events).when(contact('2026-06-03', 'no_answer')).thenAccepted();
    expect(event?.type).toBe('ContactAttempted');
    const { state } = history(referral(), allocate(), contact('2026-06-03', 'no_answer'));
    expect(state.clocks.firstContact?.dueOn).toBe('2026-06-08');
  });

  it('the first successful contact stops the first-contact clock and starts the first-visit clock', () => {
    given(history(referral(), allocate()).events)
      .when(contact('2026-06-03'))
      .then([
        {
          type: 'FirstContactMade',
          data: {
            attemptedOn: '2026-06-03',
            method: 'phone',
            outcome: 'contact_made',
            recordedBy: 'manager-1',
            clocksStarted: [
              {
                clock: 'firstVisit',
                startedOn: '2026-06-03',
                dueOn: '2026-07-01',
                policyVersion: 'default-2026.1',
                dayType: 'working',
              },
            ],
          },
        },
      ]);
    const { state } = history(referral(), allocate(), contact('2026-06-03'));
    expect(state.clocks.firstContact).toBeUndefined();
    expect(state.firstContactOn).toBe('2026-06-03');
  });

  it('later successful contact is an ordinary attempt', () => {
    const [event] = given(history(referral(), allocate(), contact('2026-06-03')).events)
      .when(contact('2026-06-04'))
      .thenAccepted();
    expect(event?.type).toBe('ContactAttempted');
  });

  it('made while monitoring restarts the annual contact clock', () => {
    const { events } = history(
      referral(),
      allocate(),
      contact('2026-06-03'),
      judge('suitable', '2026-06-05'),
    );
    const [event] = given(events).when(contact('2026-06-12')).thenAccepted();
    expect(event?.type === 'ContactAttempted' && event.data.clocksStarted[0]?.dueOn).toBe('2027-06-12');
  });

  it('cannot be recorded in the future', () => {
    given(history(referral(), allocate()).events)
      .when(contact('2026-06-16'))
      .then('date_in_future', 'attemptedOn');
  });
});

describe('visits', () => {
  const base = () => history(referral(), allocate(), contact('2026-06-03')).events;

  it('are offered, accepted and held; holding one stops the first-visit clock', () => {
    const { events } = history(
      referral(),
      allocate(),
      contact('2026-06-03'),
      offer(),
      command({ type: 'RecordVisitAccepted', data: { visitId: 'v1', acceptedOn: '2026-06-05' } }),
    );
    given(events)
      .when(held())
      .then([
        {
          type: 'VisitHeld',
          data: {
            visitId: 'v1',
            heldOn: '2026-06-10',
            notes: 'structured programme seen',
            outcome: 'satisfactory',
            recordedBy: 'manager-1',
          },
        },
      ]);
    const { state } = history(referral(), allocate(), contact('2026-06-03'), offer(), held());
    expect(state.clocks.firstVisit).toBeUndefined();
    expect(state.visits.v1?.status).toBe('held');
  });

  it('cannot be held before the referral', () => {
    const { events } = history(referral(), allocate(), offer('v1', '2026-06-01', '2026-06-01'));
    given(events).when(held('2026-05-30')).then('date_before_referral', 'heldOn');
  });

  it('cannot be recorded for a visit never offered', () => {
    given(base()).when(held('2026-06-10', 'v9')).then('visit_not_found', 'visitId');
  });

  it('cannot be held twice, nor accepted once held', () => {
    const { events } = history(referral(), allocate(), offer(), held());
    given(events).when(held('2026-06-11')).then('visit_step_out_of_order', 'visitId');
    given(events)
      .when(command({ type: 'RecordVisitAccepted', data: { visitId: 'v1', acceptedOn: '2026-06-11' } }))
      .then('visit_step_out_of_order', 'visitId');
  });

  it('cannot be proposed for a day before the offer', () => {
    given(base())
      .when(offer('v2', '2026-06-05', '2026-06-04'))
      .then('date_before_previous_step', 'proposedFor');
  });

  it('cannot reuse a visit id', () => {
    given(history(referral(), allocate(), offer()).events)
      .when(offer())
      .then('visit_already_exists', 'visitId');
  });

  it('declined by the family of a priority child prompts formal enquiries', () => {
    const { events } = history(referral({ priorityFlags: ['child_in_need_plan'] }), allocate(), offer());
    given(events)
      .when(command({ type: 'RecordVisitDeclined', data: { visitId: 'v1', declinedOn: '2026-06-05' } }))
      .then([
        {
          type: 'VisitDeclined',
          data: {
            visitId: 'v1',
            declinedOn: '2026-06-05',
            formalEnquiryPrompted: true,
            recordedBy: 'manager-1',
          },
        },
      ]);
  });

  it('declined by another family is recorded without prompting formal enquiries', () => {
    const [event] = given(base())
      .when(
        command({
          type: 'RecordVisitDeclined',
          data: { declinedOn: '2026-06-05', reason: 'prefer to send reports' },
        }),
      )
      .thenAccepted();
    expect(event?.type === 'VisitDeclined' && event.data.formalEnquiryPrompted).toBe(false);
  });
});

describe('informal enquiry, evidence and the judgement of suitability', () => {
  const enquiry = command({ type: 'SendInformalEnquiry', data: { sentOn: '2026-06-03', method: 'letter' } });
  const evidence = command({
    type: 'RecordEvidence',
    data: { receivedOn: '2026-06-10', kind: 'report', description: 'a written philosophy and timetable' },
  });

  it('evidence is recorded with who recorded it', () => {
    given(history(referral(), allocate(), enquiry).events)
      .when(evidence)
      .then([
        {
          type: 'EvidenceReceived',
          data: {
            receivedOn: '2026-06-10',
            kind: 'report',
            description: 'a written philosophy and timetable',
            recordedBy: 'manager-1',
          },
        },
      ]);
  });

  it('an enquiry starts the 20-working-day clock; evidence stops it', () => {
    const { events } = history(referral(), allocate());
    const [sent] = given(events).when(enquiry).thenAccepted();
    expect(sent?.type === 'InformalEnquirySent' && sent.data.clocksStarted[0]?.dueOn).toBe('2026-07-01');
    const { state } = history(referral(), allocate(), enquiry, evidence);
    expect(state.clocks.informalEnquiry).toBeUndefined();
  });

  it('suitable: the case is monitored and the annual contact clock starts, with its reminder', () => {
    const { events } = history(referral(), allocate(), enquiry, evidence);
    given(events)
      .when(judge('suitable', '2026-06-12'))
      .then([
        {
          type: 'SuitabilityJudged',
          data: {
            judgedOn: '2026-06-12',
            outcome: 'suitable',
            rationale: 'from the report and samples',
            informationRefused: false,
            decidedBy: 'manager-1',
            clocksStarted: [
              {
                clock: 'annualContact',
                startedOn: '2026-06-12',
                dueOn: '2027-06-12',
                remindOn: '2027-05-13',
                policyVersion: 'default-2026.1',
                dayType: 'calendar',
              },
            ],
          },
        },
      ]);
    expect(history(referral(), allocate(), judge('suitable')).state.status).toBe('monitoring');
  });

  it('not yet able to judge, or appears unsuitable: the case stays open and no annual clock runs', () => {
    for (const outcome of ['not_yet_able_to_judge', 'appears_unsuitable'] as const) {
      const { state } = history(referral(), allocate(), judge('suitable'), judge(outcome, '2026-06-06'));
      expect(state.status).toBe('open');
      expect(state.clocks.annualContact).toBeUndefined();
    }
  });

  it('needs a rationale', () => {
    given(history(referral(), allocate()).events)
      .when(
        command({ type: 'JudgeSuitability', data: { judgedOn: '2026-06-05', outcome: 'suitable' } as never }),
      )
      .then('field_required', 'rationale');
  });

  it('cannot find education suitable when the family refused all information', () => {
    given(history(referral(), allocate()).events)
      .when(
        command({
          type: 'JudgeSuitability',
          data: { judgedOn: '2026-06-05', outcome: 'suitable', rationale: 'r', informationRefused: true },
        }),
      )
      .then('contradictory_fields', 'informationRefused');
  });
});

describe('priority flags', () => {
  const flags = (list: ('child_protection_plan' | 'ehcp' | 's47_enquiry')[], changedOn = '2026-06-02') =>
    command({ type: 'ChangePriorityFlags', data: { changedOn, flags: list, toldBy: 'social_care' } });

  it('a child protection plan before first contact moves the first-contact clock to the priority standard', () => {
    given(history(referral()).events)
      .when(flags(['child_protection_plan']))
      .then([
        {
          type: 'PriorityFlagsChanged',
          data: {
            changedOn: '2026-06-02',
            flags: ['child_protection_plan'],
            toldBy: 'social_care',
            previousFlags: [],
            priority: true,
            recordedBy: 'manager-1',
            clocksStarted: [
              {
                clock: 'firstContact',
                startedOn: '2026-06-01',
                dueOn: '2026-06-03',
                policyVersion: 'default-2026.1',
                dayType: 'working',
              },
            ],
            clocksStopped: [],
          },
        },
      ]);
  });

  it('a flag that does not make the case a priority moves nothing', () => {
    const [event] = given(history(referral()).events)
      .when(flags(['s47_enquiry']))
      .thenAccepted();
    expect(event?.type === 'PriorityFlagsChanged' && event.data.clocksStarted).toEqual([]);
  });

  it('an EHCP issued starts the annual review clock; an EHCP ended stops it', () => {
    const { state } = history(referral(), flags(['ehcp']));
    expect(state.clocks.ehcpAnnualReview?.dueOn).toBe('2027-06-01');
    const ended = history(referral(), flags(['ehcp']), flags([], '2026-06-03')).state;
    expect(ended.clocks.ehcpAnnualReview).toBeUndefined();
  });

  it('must change something', () => {
    given(history(referral()).events).when(flags([])).then('flags_unchanged', 'flags');
  });

  it('an EHCP annual review restarts its clock; without an EHCP there is nothing to review', () => {
    const review = command({ type: 'RecordEhcpAnnualReview', data: { heldOn: '2026-06-10' } });
    const [event] = given(history(referral(), allocate(), flags(['ehcp'])).events)
      .when(review)
      .thenAccepted();
    expect(event?.type === 'EhcpAnnualReviewHeld' && event.data.clocksStarted[0]?.dueOn).toBe('2027-06-09');
    given(history(referral(), allocate()).events).when(review).then('no_ehcp');
  });
});

describe('panels', () => {
  const refer = (panel: 'children_not_in_school' | 'fair_access') =>
    command({
      type: 'ReferToPanel',
      data: { panel, referredOn: '2026-06-03', reason: 'persistent concerns' },
    });

  it('a Fair Access decision with a place starts the 20-school-day placement clock', () => {
    const { events } = history(referral(), refer('fair_access'));
    const [event] = given(events)
      .when(
        command({
          type: 'RecordPanelDecision',
          data: {
            panel: 'fair_access',
            decidedOn: '2026-06-05',
            decision: 'place at Woodlands',
            placementSchool: { name: 'Woodlands Community College', urn: '116448' },
          },
        }),
        as('panel-7', 'panel'),
      )
      .thenAccepted();
    expect(event?.type === 'PanelDecisionRecorded' && event.data.decidedBy).toBe('panel-7');
    expect(event?.type === 'PanelDecisionRecorded' && event.data.clocksStarted[0]?.dueOn).toBe('2026-07-03');
  });

  it('a CNIS panel decision records actions and places no child', () => {
    const { events } = history(referral(), refer('children_not_in_school'));
    given(events)
      .when(
        command({
          type: 'RecordPanelDecision',
          data: {
            panel: 'children_not_in_school',
            decidedOn: '2026-06-05',
            decision: 'd',
            actions: ['visit jointly'],
          },
        }),
      )
      .thenAccepted();
    given(events)
      .when(
        command({
          type: 'RecordPanelDecision',
          data: {
            panel: 'children_not_in_school',
            decidedOn: '2026-06-05',
            decision: 'd',
            placementSchool: { name: 'Any School' },
          },
        }),
      )
      .then('contradictory_fields', 'placementSchool');
  });

  it('decides only cases referred to it, one referral at a time', () => {
    given(history(referral()).events)
      .when(
        command({
          type: 'RecordPanelDecision',
          data: { panel: 'fair_access', decidedOn: '2026-06-05', decision: 'd' },
        }),
      )
      .then('no_panel_referral', 'panel');
    given(history(referral(), refer('fair_access')).events)
      .when(refer('fair_access'))
      .then('panel_referral_pending', 'panel');
  });
});
