import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/decider.js';
import type { EheCommand, EheCommandInput, EheEvent, EheState } from '../../../src/domain/ehe/index.js';
import { clockCommands, eheCodec, eheDecider } from '../../../src/domain/ehe/index.js';
import { CME_CASE_ID, context, referral } from './fixtures.js';

const NOW = new Date('2026-10-01T09:00:00Z');
const date = fc.constantFrom(
  '2026-06-01',
  '2026-06-02',
  '2026-06-05',
  '2026-06-08',
  '2026-06-23',
  '2026-06-25',
  '2026-06-29',
  '2026-07-01',
  '2026-07-14',
  '2026-07-28',
  '2026-08-10',
  '2026-09-30',
);
const school = fc.constantFrom(
  { name: 'Woodlands Community College', urn: '116448' },
  { name: 'Oasis Academy Lordshill' },
);
const text = fc.constantFrom('as discussed with the family', 'see the report');
const officer = fc.constantFrom('officer-1', 'officer-2');
const visitId = fc.constantFrom('v1', 'v2');
const clock = fc.constantFrom(
  'allocation',
  'firstContact',
  'firstVisit',
  'annualContact',
  'section437Notice',
  'saoCompliance',
);
const parentId = fc.constantFrom('parent-1', 'parent-2');
/** Every way of serving, by hand, at the address, by post (with or without a receipt proved) and by email. */
const service = fc.oneof(
  fc.record({ method: fc.constantFrom('in_person' as const, 'left_at_address' as const), servedOn: date }),
  fc.record(
    {
      method: fc.constant('post' as const),
      postedOn: date,
      postClass: fc.constantFrom('first' as const, 'second' as const),
      actualReceipt: fc.record({ receivedOn: date, evidence: text }),
    },
    { requiredKeys: ['method', 'postedOn', 'postClass'] },
  ),
  fc.record({ method: fc.constant('email' as const), sentOn: date, email: fc.constant('sara@example.org') }),
);
const served = { parentId, service };
const expiryClock = fc.constantFrom(
  'saoInForce' as const,
  'esoInForce' as const,
  'governingBodyDirection' as const,
);

const cmd = <T extends EheCommandInput['type']>(
  type: T,
  data: fc.Arbitrary<Extract<EheCommandInput, { type: T }>['data']>,
) => data.map((d) => ({ type, data: d }) as unknown as EheCommand);

/** Any command, with data valid by schema but not necessarily allowed by the case's state. */
const anyCommand: fc.Arbitrary<EheCommand> = fc.oneof(
  cmd(
    'RequestSpecialSchoolConsent',
    fc.record({ requestedOn: date, requestedBy: fc.constant('parent' as const) }),
  ),
  cmd('GiveSpecialSchoolConsent', fc.record({ decidedOn: date })),
  cmd('RefuseSpecialSchoolConsent', fc.record({ decidedOn: date, rationale: text })),
  cmd('AllocateCase', fc.record({ officerId: officer, allocatedOn: date })),
  cmd('ReallocateCase', fc.record({ officerId: officer, reallocatedOn: date, reason: text })),
  cmd(
    'RecordContactAttempt',
    fc.record({
      attemptedOn: date,
      method: fc.constantFrom('phone' as const, 'letter' as const),
      outcome: fc.constantFrom('contact_made' as const, 'no_answer' as const),
    }),
  ),
  cmd(
    'OfferVisit',
    fc.record({ visitId, offeredOn: date, proposedFor: date, location: fc.constant('home' as const) }),
  ),
  cmd('RecordVisitAccepted', fc.record({ visitId, acceptedOn: date })),
  cmd(
    'RecordVisitHeld',
    fc.record({ visitId, heldOn: date, notes: text, outcome: fc.constant('satisfactory' as const) }),
  ),
  cmd('RecordVisitDeclined', fc.record({ visitId, declinedOn: date })),
  cmd('SendInformalEnquiry', fc.record({ sentOn: date, method: fc.constant('letter' as const) })),
  cmd(
    'RecordEvidence',
    fc.record({ receivedOn: date, kind: fc.constant('report' as const), description: text }),
  ),
  cmd(
    'JudgeSuitability',
    fc.record({
      judgedOn: date,
      outcome: fc.constantFrom(
        'suitable' as const,
        'not_yet_able_to_judge' as const,
        'appears_unsuitable' as const,
      ),
      rationale: text,
    }),
  ),
  cmd(
    'ChangePriorityFlags',
    fc.record({
      changedOn: date,
      flags: fc.subarray(['ehcp' as const, 'child_protection_plan' as const, 's47_enquiry' as const]),
      toldBy: fc.constant('social_care' as const),
    }),
  ),
  cmd('RecordEhcpAnnualReview', fc.record({ heldOn: date })),
  cmd(
    'ReferToPanel',
    fc.record({
      panel: fc.constantFrom('fair_access' as const, 'children_not_in_school' as const),
      referredOn: date,
      reason: text,
    }),
  ),
  cmd(
    'RecordPanelDecision',
    fc.record(
      {
        panel: fc.constantFrom('fair_access' as const, 'children_not_in_school' as const),
        decidedOn: date,
        decision: text,
        placementSchool: school,
      },
      { requiredKeys: ['panel', 'decidedOn', 'decision'] },
    ),
  ),
  cmd(
    'ServeSection437Notice',
    fc.record(
      {
        noticeId: fc.constantFrom('n1', 'n2'),
        issuedOn: date,
        ...served,
        periodDays: fc.integer({ min: 10, max: 30 }),
      },
      { requiredKeys: ['noticeId', 'issuedOn', 'parentId', 'service'] },
    ),
  ),
  cmd('JudgeSection437Response', fc.record({ judgedOn: date, satisfied: fc.boolean(), rationale: text })),
  cmd('DecideAttendanceExpediency', fc.record({ decidedOn: date, expedient: fc.boolean(), rationale: text })),
  cmd(
    'ConsultSchool',
    fc.record({
      school,
      consultedOn: date,
      maintained: fc.boolean(),
      childPermanentlyExcluded: fc.boolean(),
    }),
  ),
  cmd('NotifyGoverningBody', fc.record({ school, notifiedOn: date })),
  cmd('RecordGoverningBodyDirectionApplication', fc.record({ school, appliedOn: date })),
  cmd(
    'RecordSecretaryOfStateSchoolDirection',
    fc.record({
      school,
      directedOn: date,
      outcome: fc.constantFrom('school_may_be_named' as const, 'school_not_to_be_named' as const),
    }),
  ),
  cmd(
    'ServeSection438Notice',
    fc.record({
      noticeId: fc.constantFrom('n1', 'n2'),
      issuedOn: date,
      ...served,
      intendedSchool: school,
      alternativeSchools: fc.constant([]),
    }),
  ),
  cmd(
    'RecordParentSchoolChoice',
    fc.record(
      {
        kind: fc.constantFrom('named_school' as const, 'application_elsewhere' as const),
        school,
        chosenOn: date,
        applicationMadeOn: date,
        notifiedOn: date,
      },
      { requiredKeys: ['kind', 'school'] },
    ),
  ),
  cmd(
    'RecordSchoolApplicationDecision',
    fc.record({ decidedOn: date, outcome: fc.constantFrom('offered' as const, 'refused' as const) }),
  ),
  cmd(
    'RecordNamedSchoolInformed',
    fc.record({ informedOn: date, governingBody: fc.constant(true), headTeacher: fc.constant(true) }),
  ),
  cmd(
    'ServeSchoolAttendanceOrder',
    fc.record({ orderId: fc.constantFrom('o1', 'o2'), issuedOn: date, ...served, school }),
  ),
  cmd(
    'AmendSchoolAttendanceOrder',
    fc.record(
      {
        initiatedBy: fc.constantFrom('parent_request' as const, 'council' as const),
        requestedOn: date,
        appliedOn: date,
        offeredOn: date,
        amendedOn: date,
        school,
        rationale: text,
      },
      { requiredKeys: ['initiatedBy', 'amendedOn', 'school'] },
    ),
  ),
  cmd('RecordEhcPlanSchool', fc.record({ recordedOn: date, namedSchool: fc.option(school, { nil: null }) })),
  cmd('RequestEhcPlanAmendment', fc.record({ requestedOn: date })),
  cmd('RecordSaoRevocationRequest', fc.record({ requestedOn: date, arrangements: text })),
  cmd(
    'RevokeSchoolAttendanceOrder',
    fc.record({
      revokedOn: date,
      ground: fc.constantFrom(
        'parent_request_granted' as const,
        'suitable_education_otherwise' as const,
        'council_initiative_other' as const,
      ),
      rationale: text,
    }),
  ),
  cmd('RefuseSaoRevocation', fc.record({ refusedOn: date, rationale: text })),
  cmd('ReferSaoRefusalToSecretaryOfState', fc.record({ referredOn: date })),
  cmd(
    'RecordSaoSecretaryOfStateDirection',
    fc.record({ directedOn: date, direction: fc.constantFrom('revoke' as const, 'uphold' as const) }),
  ),
  cmd('RecordSaoCompliance', fc.record({ registeredOn: date, school })),
  cmd(
    'ConsiderEso',
    fc.record({ consideredOn: date, decision: fc.constant('prosecute' as const), rationale: text }),
  ),
  cmd('StartProsecution', fc.record({ startedOn: date, offencePeriod: fc.record({ from: date, to: date }) })),
  cmd(
    'RecordProsecutionOutcome',
    fc.record({
      decidedOn: date,
      outcome: fc.constantFrom('convicted' as const, 'acquitted' as const),
      orderCeases: fc.boolean(),
    }),
  ),
  cmd(
    'RecordEsoDirection',
    fc.record({ directedOn: date, reasonsDueBy: date }, { requiredKeys: ['directedOn'] }),
  ),
  cmd('RecordChildrensServicesConsultation', fc.record({ consultedOn: date, authority: text, views: text })),
  cmd('RecordEsoApplication', fc.record({ appliedOn: date })),
  cmd(
    'RecordEsoDecision',
    fc.record({
      decidedOn: date,
      outcome: fc.constantFrom('made' as const, 'refused' as const),
      schoolAttendanceOrderCeases: fc.boolean(),
    }),
  ),
  cmd('RecordEsoExtension', fc.record({ extendedOn: date, expiresOn: date })),
  cmd('RecordEsoDischarge', fc.record({ dischargedOn: date })),
  cmd(
    'AnswerEsoDirection',
    fc.record({
      answeredOn: date,
      answer: fc.constantFrom('eso_applied' as const, 'reasons_given' as const),
      reasons: text,
    }),
  ),
  cmd('RecordReturnToSchool', fc.record({ school, startDate: date })),
  cmd(
    'ReclassifyAsCme',
    fc.record({ reclassifiedOn: date, cmeCaseId: fc.constant(CME_CASE_ID), reason: text }),
  ),
  cmd(
    'CloseCase',
    fc.record({
      closedOn: date,
      reason: fc.constantFrom('returned_to_school', 'moved_out_of_area', 'died', 'other'),
      reasonText: text,
      receivingCouncil: fc.constant('Hampshire County Council'),
    }),
  ),
  cmd('ReopenCase', fc.record({ reopenedOn: date, reason: text })),
  cmd('RecordDeadlineMissed', fc.record({ clock, dueOn: date })),
  cmd(
    'EscalateCase',
    fc.record({ clock, level: fc.constantFrom('manager' as const, 'head_of_service' as const) }),
  ),
  cmd('RecordAnnualContactDue', fc.record({ dueOn: date })),
  cmd(
    'RecordParentCarer',
    fc.record({
      parentId,
      recordedOn: date,
      parent: fc.constant({ name: 'Omar Khan', relationship: 'father', livesWithChild: false }),
    }),
  ),
  cmd(
    'RecordElectronicServiceConsent',
    fc.record({ parentId, givenOn: date, email: fc.constant('sara@example.org'), evidence: text }),
  ),
  cmd('WithdrawElectronicServiceConsent', fc.record({ parentId, withdrawnOn: date })),
  cmd('RecordClockExpiry', fc.record({ clock: expiryClock, dueOn: date })),
);

const allocated = {
  type: 'AllocateCase',
  data: { officerId: 'officer-1', allocatedOn: '2026-06-02' },
} as EheCommand;
const unsuitable = {
  type: 'JudgeSuitability',
  data: { judgedOn: '2026-06-05', outcome: 'appears_unsuitable', rationale: 'no information' },
} as EheCommand;
/** How a sequence opens: a referral (plain, or needing consent), a case ready for the s437(1) notice, or nonsense. */
const opening = fc.oneof(
  { weight: 3, arbitrary: fc.constant([referral()]) },
  {
    weight: 2,
    arbitrary: fc.constant([referral({ placedAtSpecialSchoolByCouncil: true, priorityFlags: ['ehcp'] })]),
  },
  { weight: 4, arbitrary: fc.constant([referral(), allocated, unsuitable]) },
  { weight: 1, arbitrary: anyCommand.map((c) => [c]) },
);
const actor = fc.constantFrom(
  { id: 'manager-1', role: 'manager' as const },
  { id: 'officer-1', role: 'officer' as const },
);
const step = fc.record({ command: anyCommand, actor, daysLater: fc.integer({ min: 0, max: 400 }) });

/** What a store holds and hands back: JSON, through the codec. */
const roundTrip = (event: EheEvent): EheEvent =>
  eheCodec.decode(
    JSON.parse(JSON.stringify(eheCodec.encode(event))) as Parameters<typeof eheCodec.decode>[0],
  );

describe('any sequence of commands', () => {
  it('yields events whose evolve, after a round trip through the store, reproduces the state decide saw', () => {
    fc.assert(
      fc.property(opening, fc.array(step, { maxLength: 40 }), (first, steps) => {
        let state: EheState = eheDecider.initialState();
        const stored: EheEvent[] = [];
        const manager = { id: 'manager-1', role: 'manager' as const };
        const all = [...first.map((command) => ({ command, actor: manager, daysLater: 0 })), ...steps];
        for (const { command, actor, daysLater } of all) {
          const ctx = context({ now: new Date(NOW.getTime() + daysLater * 86_400_000), actor });
          const wasClosed = state.status === 'closed';
          let events: EheEvent[];
          try {
            events = eheDecider.decide(command, state, ctx);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            if (wasClosed && command.type !== 'ReopenCase')
              expect((error as DomainError).code).toBe('case_closed');
            continue;
          }
          // A closed case accepts only reopening; the deadline worker gets nothing back.
          if (wasClosed && command.type !== 'ReopenCase') {
            expect(clockCommands.has(command.type)).toBe(true);
            expect(events).toEqual([]);
          }
          state = events.reduce(eheDecider.evolve, state);
          stored.push(...events.map(roundTrip));
          expect(stored.reduce(eheDecider.evolve, eheDecider.initialState())).toEqual(state);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the statutory route and closure often enough to mean something', () => {
    // Guards the generator: a property that never reaches the SAO route or a closed case tests little.
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let state = eheDecider.initialState();
        for (const { command } of [referral(), allocated, unsuitable]
          .map((c) => ({ command: c }))
          .concat(steps)) {
          try {
            state = eheDecider.decide(command, state, context({ now: NOW })).reduce(eheDecider.evolve, state);
          } catch {
            // refused: try the next
          }
          reached.add(state.status);
        }
      }),
      // A fixed seed: this guards the generator, so it must not pass or fail by the luck of one run (it did,
      // about once in fifteen random runs).
      { numRuns: 800, seed: 20261203 },
    );
    expect([...reached]).toEqual(expect.arrayContaining(['open', 'monitoring', 'sao', 'closed']));
  });
});
