import type { EhcPlanCommandType } from '../../domain/ehe/decide-ehc-plan.js';
import { type EheStepExamples, exampleSchools } from './index.js';

/**
 * Amelia with an EHC plan (the referral's SEN status `E`): the school her plan names, and the request that the
 * plan name one. For a child with a plan the order names that school, with no s.438 notice first (s.441).
 */
export const ehcPlanCommandExamples: Pick<EheStepExamples, EhcPlanCommandType> = {
  RecordEhcPlanSchool: {
    named: {
      summary: 'The SEND team confirms the school the EHC plan names',
      value: {
        recordedOn: '2025-11-20',
        namedSchool: exampleSchools.special,
        notes: 'Section I of the plan names Rosewood Special School (final plan issued in July).',
      },
      events: ['EhcPlanSchoolRecorded'],
    },
    changedWhileOrderInForce: {
      summary: "The plan's school changes while an order is in force: the order is amended to it (s.441)",
      value: {
        recordedOn: '2026-03-02',
        namedSchool: exampleSchools.intended,
        notes: 'Plan amended after the annual review: Section I now names Itchen Vale Academy.',
      },
      events: ['EhcPlanSchoolRecorded', 'SchoolAttendanceOrderAmended'],
    },
  },
  RequestEhcPlanAmendment: {
    request: {
      summary: 'The plan names no school: the council asks for it to be amended to name one',
      value: {
        requestedOn: '2026-02-03',
        notes:
          'Asked the SEND team to amend Section I; an order cannot be served until the plan names a school.',
      },
      events: ['EhcPlanAmendmentRequested'],
    },
  },
};
