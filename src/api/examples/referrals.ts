import type { CaseSummaryView } from '../summary-schemas.js';
import {
  cmeSummaryExample,
  commandResultExample,
  exampleChildren,
  exampleDates,
  exampleIds,
  exampleSchools,
  problemExample,
  referredEheSummaryExample,
} from './index.js';

/** Amelia's mother tells the council herself (Ofcom's drama range: no real phone number). */
export const eheReferralExample = {
  receivedOn: exampleDates.referred,
  source: 'parent',
  child: exampleChildren.amelia,
  parentsCarers: [
    {
      name: 'Jo Walker',
      relationship: 'mother',
      livesWithChild: true,
      phone: '023 8049 6123',
      email: 'jo.walker@example.org',
    },
  ],
  schoolLeft: exampleSchools.left,
  previousSchoolType: 'la_maintained',
  eheStartDate: exampleDates.homeEducationFrom,
  primaryReason: { code: 'school_dissatisfaction_bullying' },
};

/** A school's return of ten school days' continuous absence. */
export const cmeReferralExample = {
  receivedOn: exampleDates.referred,
  source: 'continuous_absence_ten_school_days',
  referrer: 'Bitterne Park School attendance team',
  child: exampleChildren.noah,
  whatIsKnown: 'Not seen since half term; neighbours say the family may have moved to Portsmouth.',
  primaryReason: { code: 'whereabouts_unknown' },
  missingSince: null,
  lastSchool: exampleSchools.left,
};

const freya = {
  givenName: 'Freya',
  familyName: 'Collins',
  dateOfBirth: '2011-09-23',
  sex: 'F',
  address: { lines: ['5 Ferndale Road', 'Shirley'], town: 'Southampton', postcode: 'SO15 5QN' },
};

/** Deletion returns from the schools' portal: one opens an EHE case, one a CME case. */
export const deletionReturnExamples = {
  homeEducation: {
    summary: "The parent's written notice of home education: opens an EHE case",
    value: {
      school: exampleSchools.left,
      previousSchoolType: 'la_maintained',
      pupil: freya,
      parentsCarers: [
        {
          name: 'Sam Collins',
          relationship: 'father',
          livesWithChild: true,
          phone: '023 8049 6456',
          address: freya.address,
        },
      ],
      deletedOn: exampleDates.referred,
      ground: 'f_parent_notice_education_otherwise',
      homeEducationFrom: '2025-11-14',
      primaryReason: { code: 'mental_health' },
    },
  },
  destinationUnknown: {
    summary: 'Deleted after 20 school days of absence with no known destination: opens a CME case',
    value: {
      school: exampleSchools.left,
      pupil: {
        givenName: 'Leo',
        familyName: 'Hughes',
        dateOfBirth: '2012-02-08',
        sex: 'M',
        address: { lines: ['22 Kingsland Place'], town: 'Southampton', postcode: 'SO14 1NW' },
      },
      deletedOn: exampleDates.referred,
      ground: 'i_continuous_absence_twenty_school_days',
      groundDetail: 'Joint enquiries with the council found no trace of the family.',
    },
  },
};

/** A school's new pupil return (reg 13(1), 2024 Regulations), sent the day after the pupil's entry. */
export const newPupilReturnExamples = {
  newPupil: {
    summary: "A pupil entered on the admission register: matched against the council's open CME cases",
    value: {
      school: { name: 'Weston Lane School', urn: '116412' },
      pupil: {
        givenName: 'Noah',
        familyName: 'Reed',
        dateOfBirth: '2013-05-14',
        sex: 'M',
        address: { lines: ['Flat 3, 40 London Road'], town: 'Southampton', postcode: 'SO15 2AE' },
      },
      parentsCarers: [
        { name: 'Dana Reed', relationship: 'mother', livesWithChild: true, phone: '023 8049 6000' },
      ],
      enteredOn: '2025-12-01',
      previousSchool: exampleSchools.left,
    },
  },
};

export const newPupilReturnResultExample = {
  returnId: '2f4e6d8c-0a1b-4c3d-9e5f-7a6b5c4d3e2f',
  receivedOn: '2025-12-02',
  dueBy: '2025-12-06',
  late: false,
  matchedCmeCaseIds: [exampleIds.cmeCase],
};

const postcode = 'must be a UK postcode, like SO14 7LY';
export const newPupilReturnProblemExamples = {
  400: problemExample(
    400,
    '/v1/new-pupil-returns',
    'validation_failed',
    `body.pupil.address.postcode: ${postcode}`,
    { errors: [{ path: 'body.pupil.address.postcode', message: postcode }] },
  ),
  403: problemExample(403, '/v1/new-pupil-returns', 'forbidden', 'the auditor role may not do this'),
};

const referredCmeSummary: CaseSummaryView = {
  caseId: exampleIds.cmeCase,
  caseType: 'cme',
  status: 'open',
  open: true,
  child: cmeSummaryExample.child,
  priority: false,
  priorityFlags: [],
  source: 'continuous_absence_ten_school_days',
  receivedOn: exampleDates.referred,
  openedOn: exampleDates.referred,
  clocks: [
    { clock: 'allocation', startedOn: '2025-11-17', dueOn: '2025-11-19', missed: false, escalation: 'none' },
    {
      clock: 'cmeTracingReview',
      startedOn: '2025-11-17',
      dueOn: '2025-12-01',
      missed: false,
      escalation: 'none',
    },
  ],
  nextDueOn: '2025-11-19',
  nextReviewOn: '2025-12-01',
  located: false,
  revision: '0',
  position: '4',
};

export const eheReferralResultExample = commandResultExample('ehe', ['EheReferralReceived'], {
  revision: '0',
  summary: referredEheSummaryExample,
});

export const cmeReferralResultExample = commandResultExample('cme', ['CmeReferralReceived'], {
  revision: '0',
  summary: referredCmeSummary,
});

const freyasCase = '0c4f8e2b-6d1a-4b37-9e85-3a7d2c9f1b60';

export const deletionReturnResultExample = {
  returnId: exampleIds.deletionReturn,
  outcome: 'ehe_case_opened' as const,
  case: commandResultExample('ehe', ['EheReferralReceived'], {
    revision: '0',
    summary: {
      ...referredEheSummaryExample,
      caseId: freyasCase,
      child: {
        givenName: 'Freya',
        familyName: 'Collins',
        dateOfBirth: '2011-09-23',
        sex: 'F',
        ehcp: false,
        yearGroup: 9,
      },
      source: 'deletion_return',
      position: '12',
    },
  }),
};

/** A referral's own refusals: the same child already has an open case, or is not of school age. */
export const eheAgeProblem = {
  detail:
    'the child is not of compulsory school age on 2025-11-17; staff may send schoolAgeOverride with a reason to refer anyway',
  message: 'not of compulsory school age on the referral date',
};
export const cmeAgeProblem = {
  detail: 'a child missing education is of compulsory school age when referred',
  message: 'a child missing education is of compulsory school age when referred',
};

export const referralProblemExamples = (instance: string, age: { detail: string; message: string }) => ({
  403: problemExample(403, instance, 'forbidden', 'the auditor role may not do this'),
  400: problemExample(
    400,
    instance,
    'validation_failed',
    'body.child.address.postcode: must be a UK postcode, like SO14 7LY',
    {
      errors: [{ path: 'body.child.address.postcode', message: 'must be a UK postcode, like SO14 7LY' }],
    },
  ),
  409: problemExample(409, instance, 'case_id_taken', "this id is already another case's: choose another"),
  422: problemExample(422, instance, 'not_of_compulsory_school_age', age.detail, {
    errors: [{ path: 'body.child.dateOfBirth', message: age.message }],
  }),
});
