import type { CommandResult, ReferralReceipt } from '../cases/command-result.js';
import { exampleIds, problemExample } from './index.js';

/*
 * A school's report of a pupil it has arranged absence for (EA 1996 s.436B(5)(b)-(c)): Leo, flexi-schooled
 * two days a week at Weston Lane School, later on a part-time timetable, then back full time.
 */

export const arrangedAbsenceIds = { leo: '0e6b3a7d-52c1-4f8e-9d24-6b1a7c3e5f90' } as const;

export const arrangedAbsenceExample = {
  receivedOn: '2025-11-10',
  pupil: {
    givenName: 'Leo',
    familyName: 'Marsh',
    dateOfBirth: '2015-05-19',
    sex: 'M' as const,
    address: { lines: ['7 Lances Hill'], town: 'Southampton', postcode: 'SO19 2LT' },
  },
  school: { name: 'Weston Lane School', urn: '116480' },
  arrangement: {
    kind: 'flexi_schooling' as const,
    absentFor: 'some' as const,
    weekdaysAbsent: ['thursday' as const, 'friday' as const],
    hoursAbsentPerWeek: 12.5,
    providedBy: 'the parents',
    from: '2025-11-03',
    until: '2026-07-22',
  },
};

export const arrangedAbsenceChangeExample = {
  arrangement: {
    kind: 'part_time_timetable' as const,
    absentFor: 'some' as const,
    weekdaysAbsent: ['friday' as const],
    hoursAbsentPerWeek: 5,
    from: '2026-01-05',
    until: '2026-03-27',
  },
};

export const arrangedAbsenceEndExample = { lastDay: '2026-02-13', reason: 'returned_full_time' as const };

const staffResult = (type: string, revision: string): CommandResult => ({
  caseId: arrangedAbsenceIds.leo,
  caseType: 'cnis',
  revision,
  events: [{ id: exampleIds.events[0], type }],
  replayed: false,
});

export const arrangedAbsenceResultExample = staffResult('ArrangedAbsenceRecorded', '0');
export const arrangedAbsenceChangeResultExample = staffResult('ArrangedAbsenceChanged', '1');
export const arrangedAbsenceEndResultExample = staffResult('ArrangedAbsenceEnded', '2');

/** What a school's portal is told: the reference and when it was recorded, nothing else. */
export const arrangedAbsenceReceiptExample: ReferralReceipt = {
  caseId: arrangedAbsenceIds.leo,
  receivedAt: '2025-11-10T09:12:44.000Z',
  replayed: false,
};

export const arrangedAbsenceProblemExamples = (instance: string) => ({
  403: problemExample(403, instance, 'forbidden', 'the auditor role may not do this'),
  404: problemExample(404, instance, 'case_not_found', `no arranged absence ${arrangedAbsenceIds.leo}`),
  409: problemExample(409, instance, 'case_closed', 'this arrangement has ended'),
  412: problemExample(412, instance, 'stale_revision', 'the case is at revision 1: read it again'),
  422: problemExample(
    422,
    instance,
    'date_before_previous_step',
    'arrangement.from 2025-10-01 is before 2025-11-03',
    {
      errors: [
        { path: 'body.arrangement.from', message: 'arrangement.from 2025-10-01 is before 2025-11-03' },
      ],
    },
  ),
});
