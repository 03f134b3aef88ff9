import type { EheCommand, EheEvent } from '../../../src/domain/ehe/index.js';
import { allocate, command, given, history, judge, on, referral } from './fixtures.js';

/**
 * A case referred on Monday 2 March 2026 whose education appeared unsuitable on 5 March, decided as of
 * 20 January 2027: room for services around Easter, the May bank holidays, the summer and Christmas.
 */
export const later = on('2027-01-20T10:00:00Z');

export type Service = Extract<EheCommand, { type: 'ServeSection437Notice' }>['data']['service'];

export const earlyReferral = () =>
  referral({
    receivedOn: '2026-03-02',
    eheStartDate: '2026-02-27',
    deletionReturn: {
      school: { name: 'Bitterne Park School', urn: '116436' },
      deletedOn: '2026-02-27',
      ground: 'parent has given written notice of home education',
    },
  });

/** The referral names Sara Khan, the mother, as `parent-1`; further steps are decided as of `later`. */
export const caseFrom = (...steps: EheCommand[]): EheEvent[] =>
  history(
    earlyReferral(),
    [allocate('officer-1', '2026-03-03'), later],
    [judge('appears_unsuitable', '2026-03-05'), later],
    ...steps.map((step): [EheCommand, typeof later] => [step, later]),
  ).events;

export const when = (events: EheEvent[], cmd: EheCommand) => given(events).when(cmd, later);

export const post = (
  postedOn: string,
  postClass: 'first' | 'second' = 'first',
): Extract<Service, { method: 'post' }> => ({
  method: 'post',
  postedOn,
  postClass,
});
export const byHand = (servedOn: string): Service => ({ method: 'in_person', servedOn });

export const serve437 = (
  issuedOn: string,
  service: Service,
  parentId = 'parent-1',
  extra: { periodDays?: number } = {},
) =>
  command({
    type: 'ServeSection437Notice',
    data: { noticeId: 'notice-437', issuedOn, parentId, service, ...extra },
  });

export const woodlands = { name: 'Woodlands Community College', urn: '116448' };

export const serve438 = (issuedOn: string, service: Service, parentId = 'parent-1') =>
  command({
    type: 'ServeSection438Notice',
    data: { noticeId: 'notice-438', issuedOn, parentId, service, intendedSchool: woodlands },
  });

export const serveOrder = (issuedOn: string, service: Service, parentId = 'parent-1') =>
  command({
    type: 'ServeSchoolAttendanceOrder',
    data: { orderId: 'order-1', issuedOn, parentId, service, school: woodlands },
  });

export const notSatisfied = (judgedOn: string) =>
  command({
    type: 'JudgeSection437Response',
    data: { judgedOn, satisfied: false, rationale: 'no evidence of education' },
  });
export const expedient = (decidedOn: string) =>
  command({
    type: 'DecideAttendanceExpediency',
    data: { decidedOn, expedient: true, rationale: 'the child should attend school' },
  });
export const consult = (consultedOn: string) =>
  command({ type: 'ConsultSchool', data: { school: woodlands, consultedOn, maintained: false } });

export const recordFather = (recordedOn = '2026-03-10') =>
  command({
    type: 'RecordParentCarer',
    data: {
      parentId: 'parent-2',
      recordedOn,
      parent: { name: 'Omar Khan', relationship: 'father', livesWithChild: false },
    },
  });

export const emailConsent = (givenOn: string, parentId = 'parent-1', email = 'sara.khan@example.org') =>
  command({
    type: 'RecordElectronicServiceConsent',
    data: { parentId, givenOn, email, evidence: 'signed consent form' },
  });
export const withdrawConsent = (withdrawnOn: string, parentId = 'parent-1') =>
  command({ type: 'WithdrawElectronicServiceConsent', data: { parentId, withdrawnOn } });

/** The one event a serve command decided, with its effective day of service and period end. */
export function servedEvent(events: EheEvent[]) {
  const [event] = events;
  if (
    event?.type !== 'Section437NoticeServed' &&
    event?.type !== 'Section438NoticeServed' &&
    event?.type !== 'SchoolAttendanceOrderServed'
  )
    throw new Error(`not a service: ${event?.type}`);
  return event;
}

/** A s.437(1) notice as v1 stored it: `servedOn` typed in (a day early for first class on Friday 5 June). */
export const v1Notice437 = {
  issuedOn: '2026-06-05',
  servedOn: '2026-06-08',
  serviceMethod: 'post',
  periodDays: 15,
  periodEndsOn: '2026-06-22',
  legalBasis: 'EA1996_s437_1',
  decidedBy: 'manager-1',
  clocksStarted: [],
};
