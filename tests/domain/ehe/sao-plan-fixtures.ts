import type { EheCommand } from '../../../src/domain/ehe/index.js';
import { allocate, command, given, history, judge, referral } from './fixtures.js';
import { autumn } from './sao-route.js';

/**
 * The School Attendance Order route for the EHC plan (s.441) and the order's amendment and revocation
 * (ss.440, 442) tests: every step decided as of 1 October 2026, the route's dates in June and July 2026.
 */
export { autumn };
export const planSchool = { name: 'Rosewood Special School', urn: '116570' };
export const otherSchool = { name: 'Woodlands Community College', urn: '116448' };
export const offeredSchool = { name: 'Oasis Academy Lordshill', urn: '135969' };

export const step = {
  notice437: command({
    type: 'ServeSection437Notice',
    data: {
      noticeId: 'notice-437',
      issuedOn: '2026-06-05',
      parentId: 'parent-1',
      service: { method: 'in_person', servedOn: '2026-06-08' },
    },
  }),
  notSatisfied: command({
    type: 'JudgeSection437Response',
    data: { judgedOn: '2026-06-23', satisfied: false, rationale: 'no evidence of education' },
  }),
  expedient: command({
    type: 'DecideAttendanceExpediency',
    data: { decidedOn: '2026-06-24', expedient: true, rationale: 'the child should attend school' },
  }),
  consult: (consultedOn = '2026-06-25') =>
    command({ type: 'ConsultSchool', data: { school: otherSchool, consultedOn, maintained: false } }),
  noticeOfIntention: (servedOn = '2026-06-29') =>
    command({
      type: 'ServeSection438Notice',
      data: {
        noticeId: 'notice-438',
        issuedOn: servedOn,
        parentId: 'parent-1',
        service: { method: 'in_person', servedOn },
        intendedSchool: otherSchool,
        alternativeSchools: [],
      },
    }),
  order: (school = planSchool, servedOn = '2026-07-01') =>
    command({
      type: 'ServeSchoolAttendanceOrder',
      data: {
        orderId: 'order-1',
        issuedOn: servedOn,
        parentId: 'parent-1',
        service: { method: 'in_person', servedOn },
        school,
      },
    }),
  planSchool: (namedSchool: typeof planSchool | null = planSchool, recordedOn = '2026-06-24') =>
    command({ type: 'RecordEhcPlanSchool', data: { recordedOn, namedSchool } }),
  planAmendmentRequest: (requestedOn = '2026-06-25') =>
    command({ type: 'RequestEhcPlanAmendment', data: { requestedOn } }),
  /** s.442: the parent asks on 20 July for the order to be revoked; the council refuses on 22 July. */
  revocationRequest: command({
    type: 'RecordSaoRevocationRequest',
    data: { requestedOn: '2026-07-20', arrangements: 'a tutor and a structured curriculum' },
  }),
  revocationRefusal: command({
    type: 'RefuseSaoRevocation',
    data: { refusedOn: '2026-07-22', rationale: 'unsatisfactory' },
  }),
  flags: (flags: ('ehcp' | 'child_in_need_plan')[], changedOn: string) =>
    command({ type: 'ChangePriorityFlags', data: { changedOn, flags, toldBy: 'send_service' } }),
};

/** A case through expediency; `plan` makes the referral say the child has an EHC plan from 1 June 2026. */
export function routeFor(plan: boolean, ...steps: EheCommand[]) {
  return history(
    referral(plan ? { priorityFlags: ['ehcp'] } : {}),
    allocate(),
    judge('appears_unsuitable'),
    ...[step.notice437, step.notSatisfied, step.expedient, ...steps].map((s): [EheCommand, typeof autumn] => [
      s,
      autumn,
    ]),
  );
}

export const whenAfter = (events: ReturnType<typeof routeFor>['events'], cmd: EheCommand) =>
  given(events).when(cmd, autumn);
