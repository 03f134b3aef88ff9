import type { EheCommand } from '../../../src/domain/ehe/index.js';
import { allocate, command, history, judge, on, referral } from './fixtures.js';

export const woodlands = { name: 'Woodlands Community College', urn: '116448' };

/** The route up to the s.438 notice naming `school` (not maintained), each step on its own day, served by hand. */
export function routeToNoticeOfIntention(
  dates: {
    allocated: string;
    judged: string;
    notice437: string;
    responded: string;
    consulted: string;
    notice438: string;
  },
  school = woodlands,
): EheCommand[] {
  const served = (on: string, noticeId: string) => ({
    noticeId,
    issuedOn: on,
    parentId: 'parent-1',
    service: { method: 'in_person' as const, servedOn: on },
  });
  return [
    command({ type: 'AllocateCase', data: { officerId: 'officer-1', allocatedOn: dates.allocated } }),
    command({
      type: 'JudgeSuitability',
      data: { judgedOn: dates.judged, outcome: 'appears_unsuitable', rationale: 'no information' },
    }),
    command({ type: 'ServeSection437Notice', data: served(dates.notice437, 'notice-437') }),
    command({
      type: 'JudgeSection437Response',
      data: { judgedOn: dates.responded, satisfied: false, rationale: 'none' },
    }),
    command({
      type: 'DecideAttendanceExpediency',
      data: { decidedOn: dates.responded, expedient: true, rationale: 'school' },
    }),
    command({ type: 'ConsultSchool', data: { school, consultedOn: dates.consulted, maintained: false } }),
    command({
      type: 'ServeSection438Notice',
      data: { ...served(dates.notice438, 'notice-438'), intendedSchool: school },
    }),
  ];
}

/** Spring 2026: the notice of intention on Thursday 26 March, its 15 days ending on 9 April. */
export const springRoute = routeToNoticeOfIntention({
  allocated: '2026-03-03',
  judged: '2026-03-05',
  notice437: '2026-03-09',
  responded: '2026-03-24',
  consulted: '2026-03-25',
  notice438: '2026-03-26',
});

/** A referral received on 2 March 2026 for a child born on `dateOfBirth`. */
export const springReferral = (dateOfBirth: string) =>
  referral({
    receivedOn: '2026-03-02',
    eheStartDate: '2026-02-27',
    deletionReturn: {
      school: woodlands,
      deletedOn: '2026-02-27',
      ground: 'written notice of home education',
    },
    child: { ...(referral().data as { child: object }).child, dateOfBirth },
  } as never);

export const orderServedOn = (on: string, school = woodlands) =>
  command({
    type: 'ServeSchoolAttendanceOrder',
    data: {
      orderId: 'order-1',
      issuedOn: on,
      parentId: 'parent-1',
      service: { method: 'in_person', servedOn: on },
      school,
    },
  });

/** The route runs over the summer: decide everything as of 1 October 2026. */
export const autumn = on('2026-10-01T09:00:00Z');

/** A referred, allocated case judged to appear unsuitable, then `steps`, each decided in the autumn. */
export const autumnRoute = (...steps: EheCommand[]) =>
  history(
    referral(),
    allocate(),
    judge('appears_unsuitable'),
    ...steps.map((s): [EheCommand, typeof autumn] => [s, autumn]),
  );
