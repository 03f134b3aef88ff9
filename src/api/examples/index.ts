import type { z } from 'zod';
import type { EheCommandType, eheCommandBodies } from '../../domain/ehe/commands.js';
import type { CommandResult } from '../cases/command-result.js';
import { type Problem, problemTitles } from '../plugins/errors.js';
import type { CaseSummaryView } from '../summary-schemas.js';

/*
 * The example data of the OpenAPI document: one council's 2025-26 school year, with a fictional EHE child
 * (Amelia Walker), a fictional CME child (Noah Smith) and fictional officers. Any likeness to real people
 * is accidental. Here: what the examples share. Command bodies: examples-ehe.ts (with examples-casework.ts
 * and examples-sao.ts) and examples-cme.ts, gathered per route by command-examples.ts; referrals, query
 * answers and reports: examples-referrals.ts, examples-queries.ts, examples-reports.ts. The tests send every
 * body to the real server and parse every answer with the schema its route serializes it with.
 */

export const exampleIds = {
  eheCase: '5b0f3c2e-8a41-4d7e-9c53-2f6a1e0d7b94',
  cmeCase: 'c7e2a9d4-1f36-4b8a-a0e5-93d4b2f61c08',
  /** The CME case a reclassification opens. */
  cmeCaseFromEhe: '8d3e6f1a-27c4-4e95-b6a0-5c1f9e2d4a73',
  /** The EHE case a CME child found home educated opens. */
  eheCaseFromCme: 'e4a1b7c3-9d02-4f68-8b3e-6a5c0d9f2e17',
  deletionReturn: '2a9c4e61-7b3d-4f05-9e8a-d1c6b3f0a482',
  request: '9f1c2010-cd5b-4197-a1ed-da3d1b9a2cfd',
  idempotencyKey: 'b1946ac9-2f5d-4c2e-9b9e-5f0d3c7a8e61',
  events: [
    '3f2f2d1c-879b-4654-8ede-3dd4e765abe8',
    '801f591c-5901-4a3a-9e1f-2843f6d30690',
    'b8d3a274-8094-4dee-bd08-9225f952eec9',
    '7df9d878-5a38-4813-9a55-c4065e760d8e',
  ],
} as const;

/** Token subjects: EHE officers, CME officers, the co-ordinator and an internal auditor. */
export const exampleOfficers = {
  ehe: 'olive',
  eheCover: 'omar',
  cme: 'carys',
  cmeCover: 'chidi',
  manager: 'mary',
  auditor: 'ada',
} as const;

export const exampleSchools = {
  /** The school Amelia left. */
  left: { name: 'Bitterne Park School', urn: '116453' },
  /** The school consulted and named in the School Attendance Order route. */
  intended: { name: 'Itchen Vale Academy', urn: '149872' },
  /** A maintained school: its governing body is told before it is named (s.439). */
  alternative: { name: 'Weston Lane School', urn: '116480' },
  /** Where the parent applied for a place within the s.438 period. */
  appliedTo: { name: 'Sholing Technology College', urn: '116451' },
  special: { name: 'Rosewood Special School', urn: '116570' },
} as const;

export const exampleAddresses = {
  amelia: { lines: ['12 Cobden Avenue'], town: 'Southampton', postcode: 'SO18 1FZ' },
  noahFound: { lines: ['41 Meadowsweet Way'], town: 'Southampton', postcode: 'SO19 4QX' },
  noahInPortsmouth: { lines: ['9 Hilltop Crescent', 'Cosham'], town: 'Portsmouth', postcode: 'PO6 3QT' },
};

export const exampleChildren = {
  amelia: {
    givenName: 'Amelia',
    familyName: 'Walker',
    dateOfBirth: '2013-04-12',
    sex: 'F',
    address: exampleAddresses.amelia,
  },
  noah: { givenName: 'Noah', familyName: 'Smith', dateOfBirth: '2014-05-01', sex: 'M' },
} as const;

/** Dates of the story that more than one example shares. */
export const exampleDates = {
  referred: '2025-11-17',
  homeEducationFrom: '2025-11-10',
  allocated: '2025-11-18',
  firstContact: '2025-11-19',
} as const;

const clock = (name: string, startedOn: string, dueOn: string) => ({
  clock: name,
  startedOn,
  dueOn,
  missed: false,
  escalation: 'none' as const,
});

/** Amelia's case as the referral opened it: the allocation and first contact clocks are running. */
export const referredEheSummaryExample: CaseSummaryView = {
  caseId: exampleIds.eheCase,
  caseType: 'ehe',
  status: 'referred',
  open: true,
  child: {
    givenName: 'Amelia',
    familyName: 'Walker',
    dateOfBirth: '2013-04-12',
    sex: 'F',
    ehcp: false,
    yearGroup: 8,
    compulsorySchoolAge: { start: '2018-08-31', end: '2029-06-29' },
  },
  priority: false,
  priorityFlags: [],
  source: 'parent',
  receivedOn: exampleDates.referred,
  openedOn: exampleDates.referred,
  clocks: [
    clock('allocation', exampleDates.referred, '2025-11-19'),
    clock('firstContact', exampleDates.referred, '2025-11-24'),
  ],
  nextDueOn: '2025-11-19',
  saoStage: 'none',
  revision: '0',
  position: '1',
};

/** Amelia's case after allocation and a first phone call: the first-visit clock is running. */
export const eheSummaryExample: CaseSummaryView = {
  ...referredEheSummaryExample,
  status: 'open',
  officerId: exampleOfficers.ehe,
  clocks: [clock('firstVisit', exampleDates.firstContact, '2025-12-17')],
  nextDueOn: '2025-12-17',
  lastContactOn: exampleDates.firstContact,
  revision: '2',
  position: '3',
};

/**
 * Amelia's case on the School Attendance Order route, after the notice of intention: each document served,
 * the parent served, how, and the day it counts as served (issue 14 item 9).
 */
export const saoEheSummaryExample: CaseSummaryView = {
  ...eheSummaryExample,
  status: 'sao',
  clocks: [clock('section438Choice', '2026-02-10', '2026-02-24')],
  nextDueOn: '2026-02-24',
  lastAssessment: { kind: 'suitability', outcome: 'appears_unsuitable', on: '2026-01-12' },
  saoStage: 'notice_of_intention_served',
  sao: {
    stage: 'notice_of_intention_served',
    regime: 'EA1996',
    section437Notice: { servedOn: '2026-01-14', periodEndsOn: '2026-01-28' },
    section438Notice: { servedOn: '2026-02-10', choiceEndsOn: '2026-02-24' },
    documents: [
      {
        document: 'section437Notice',
        documentId: 'notice-437-1',
        parentId: 'parent-1',
        issuedOn: '2026-01-13',
        method: 'in_person',
        servedOn: '2026-01-14',
        servedOnBasis: 'served_that_day',
        periodEndsOn: '2026-01-28',
        legalBasis: 'EA1996_s437_1',
      },
      {
        document: 'section438Notice',
        documentId: 'notice-438-1',
        parentId: 'parent-1',
        issuedOn: '2026-02-06',
        method: 'post',
        postedOn: '2026-02-06',
        postClass: 'first',
        servedOn: '2026-02-10',
        servedOnBasis: 'deemed_delivery_by_post',
        periodEndsOn: '2026-02-24',
        legalBasis: 'EA1996_s438',
      },
    ],
  },
  revision: '9',
  position: '10',
};

/** Noah's case, allocated and judged at medium risk, not yet found. */
export const cmeSummaryExample: CaseSummaryView = {
  caseId: exampleIds.cmeCase,
  caseType: 'cme',
  status: 'open',
  open: true,
  child: {
    givenName: 'Noah',
    familyName: 'Smith',
    dateOfBirth: '2014-05-01',
    sex: 'M',
    ehcp: false,
    yearGroup: 7,
    compulsorySchoolAge: { start: '2019-08-31', end: '2030-06-28' },
  },
  priority: false,
  priorityFlags: [],
  officerId: exampleOfficers.cme,
  source: 'continuous_absence_ten_school_days',
  receivedOn: exampleDates.referred,
  openedOn: exampleDates.referred,
  clocks: [clock('cmeTracingReview', exampleDates.referred, '2025-12-01')],
  nextDueOn: '2025-12-01',
  nextReviewOn: '2025-12-01',
  lastAssessment: { kind: 'risk', outcome: 'medium', on: '2025-11-19' },
  riskLevel: 'medium',
  located: false,
  revision: '2',
  position: '7',
};

/** One request body example of a command: shown in the document, sent to the real server by the tests. */
export interface CommandExample<Body> {
  summary: string;
  value: Body;
  /** The event types the command records on a case in the state the example assumes. */
  events: readonly string[];
}

/**
 * Each EHE step's body examples, by name: every command a person issues but the referral (which has its own
 * route); the deadline worker's clock steps have no route. Here rather than in examples-ehe.ts because
 * examples-casework.ts and examples-sao.ts, which examples-ehe.ts gathers, are typed by it.
 */
export type EheStepExamples = {
  [T in Exclude<
    EheCommandType,
    | 'ReceiveEheReferral'
    | 'RecordDeadlineMissed'
    | 'EscalateCase'
    | 'RecordAnnualContactDue'
    | 'RecordClockExpiry'
    | 'CloseAtEndOfSchoolAge'
    | 'StartRegisterDuties'
  >]: Record<string, CommandExample<z.input<(typeof eheCommandBodies)[T]>>>;
};

const summaryExamples = { ehe: eheSummaryExample, cme: cmeSummaryExample };

/** What a command answers: the events it recorded, the new revision and the clocks of the example's case. */
export function commandResultExample(
  caseType: 'ehe' | 'cme',
  events: readonly string[],
  options: { revision?: string; summary?: CaseSummaryView; linkedCase?: CommandResult['linkedCase'] } = {},
): CommandResult {
  const revision = options.revision ?? String(events.length + 2);
  const summary = options.summary ?? summaryExamples[caseType];
  return {
    caseId: summary.caseId,
    caseType,
    revision,
    events: events.map((type, index) => ({ id: exampleIds.events[index] ?? exampleIds.events[0], type })),
    replayed: false,
    clocks: summary.clocks,
    ...(options.linkedCase ? { linkedCase: options.linkedCase } : {}),
  };
}

/** A problem as errors.ts writes it, at `instance` (a route's path with example ids). */
export function problemExample(
  status: number,
  instance: string,
  code: string,
  detail: string,
  extra: Pick<Problem, 'errors'> = {},
): Problem {
  return {
    type: `urn:sightline:problem:${code}`,
    title: problemTitles[status] ?? 'Error',
    status,
    detail,
    instance,
    code,
    requestId: exampleIds.request,
    ...extra,
  };
}

/** A 400 naming the one field that was wrong, as errors.ts writes it. */
export const validationProblemExample = (instance: string, path: string, message: string) =>
  problemExample(400, instance, 'validation_failed', `${path}: ${message}`, { errors: [{ path, message }] });

/** A cursor (or `after`) the server cannot read: 400 `invalid_cursor`, the parameter named. */
export const invalidCursorExample = (instance: string, path: string, message: string) =>
  problemExample(400, instance, 'invalid_cursor', `${path}: ${message}`, { errors: [{ path, message }] });

/** The answer every route gives for each of these statuses, whatever it does. */
export const commonProblemExamples = (instance: string) => ({
  400: validationProblemExample(instance, 'querystring.limit', 'Too big: expected number to be <=500'),
  401: problemExample(401, instance, 'unauthorized', 'a bearer token is required'),
  403: problemExample(403, instance, 'forbidden', 'the referrer role may not do this'),
  404: problemExample(
    404,
    instance,
    'case_not_found',
    `no case ${/\/v1\/cases\/([\w-]{36})/.exec(instance)?.[1] ?? exampleIds.eheCase}`,
  ),
  409: problemExample(409, instance, 'case_closed', 'the case is closed: reopen it first'),
  412: problemExample(412, instance, 'stale_revision', 'the case is at revision 4: read it again'),
  413: problemExample(413, instance, 'body_too_large', 'Request body is too large'),
  415: problemExample(415, instance, 'unsupported_media_type', 'Unsupported Media Type'),
  422: problemExample(422, instance, 'date_in_future', 'the date 2027-01-04 is after today'),
  429: problemExample(429, instance, 'rate_limited', 'Rate limit exceeded, retry in 1 minute'),
  500: problemExample(
    500,
    instance,
    'internal_error',
    'something went wrong; quote the request id to support',
  ),
  503: problemExample(503, instance, 'store_unavailable', 'the event store is not answering: retry later'),
});
