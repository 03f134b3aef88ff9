import { cmeSummaryExample, eheSummaryExample, exampleDates, exampleIds, exampleOfficers } from './index.js';

/** Answers of the case queries, the audit routes and the reports, in the same story as the commands. */

export const caseListExample = {
  items: [eheSummaryExample, cmeSummaryExample],
  nextCursor: 'MjAyNS0xMS0xN3xjN2UyYTlkNC0xZjM2LTRiOGEtYTBlNS05M2Q0YjJmNjFjMDg',
};

export const caseloadExample = { officerId: exampleOfficers.ehe, total: 1, items: [eheSummaryExample] };

const noahsTracingReview = {
  caseId: exampleIds.cmeCase,
  caseType: 'cme' as const,
  clock: 'cmeTracingReview',
  startedOn: exampleDates.referred,
  dueOn: '2025-12-01',
  status: 'due_soon' as const,
  escalation: 'none' as const,
  officerId: exampleOfficers.cme,
  priority: false,
};
const ameliasFirstVisit = {
  caseId: exampleIds.eheCase,
  caseType: 'ehe' as const,
  clock: 'firstVisit',
  startedOn: exampleDates.firstContact,
  dueOn: '2025-12-17',
  status: 'due' as const,
  escalation: 'none' as const,
  officerId: exampleOfficers.ehe,
  priority: false,
};
const overdueAllocation = {
  caseId: '41d7c2e9-5a86-4f13-b0c4-7e2d9a6f3b15',
  caseType: 'ehe' as const,
  clock: 'allocation',
  startedOn: '2025-11-20',
  dueOn: '2025-11-24',
  status: 'escalated' as const,
  escalation: 'manager' as const,
  priority: true,
};

export const deadlinesExample = { items: [overdueAllocation, noahsTracingReview, ameliasFirstVisit] };

export const dashboardExample = {
  today: '2025-11-26',
  listLimit: 50,
  unallocated: {
    count: 1,
    items: [
      {
        caseId: overdueAllocation.caseId,
        caseType: 'ehe' as const,
        childName: 'Poppy Evans',
        priority: true,
        since: '2025-11-20',
      },
    ],
  },
  overdueByClock: { allocation: 1 },
  overdue: { count: 1, items: [overdueAllocation] },
  dueSoon: { count: 1, items: [noahsTracingReview] },
  escalationsOpen: { count: 1, items: [overdueAllocation] },
  highRiskCme: { count: 0, items: [] },
  untracedCme: {
    count: 1,
    items: [
      {
        caseId: exampleIds.cmeCase,
        caseType: 'cme' as const,
        childName: 'Noah Smith',
        priority: false,
        officerId: exampleOfficers.cme,
        since: exampleDates.referred,
      },
    ],
  },
  possibleDuplicates: { count: 0, items: [] },
  pastSchoolAge: { count: 0, items: [] },
  closureProposals: { count: 0, items: [] },
  saoByStage: { notice_served: 2, order_in_force: 1 },
  position: '48',
};

const metadata = (actor: string, role: string, at: string, request: string) => ({
  actor,
  role,
  correlationId: request,
  causationId: request,
  occurredAt: at,
  schemaVersion: 1,
});

export const eventsExample = {
  caseType: 'ehe' as const,
  events: [
    {
      id: exampleIds.events[0],
      revision: '0',
      position: '1',
      type: 'EheReferralReceived',
      data: {
        caseId: exampleIds.eheCase,
        receivedOn: exampleDates.referred,
        source: 'parent',
        eheStartDate: exampleDates.homeEducationFrom,
        previousSchoolType: 'la_maintained',
        primaryReason: { code: 'school_dissatisfaction_bullying' },
        priority: false,
        recordedBy: exampleOfficers.manager,
        clocksStarted: [
          {
            clock: 'allocation',
            startedOn: '2025-11-17',
            dueOn: '2025-11-19',
            policyVersion: 'default-2026.1',
          },
          {
            clock: 'firstContact',
            startedOn: '2025-11-17',
            dueOn: '2025-11-24',
            policyVersion: 'default-2026.1',
          },
        ],
      },
      metadata: metadata(
        'mary',
        'manager',
        '2025-11-17T09:12:40.000Z',
        'a1c9e3f4-2b7d-4e60-9c18-5d3f7b2e8a01',
      ),
      recordedAt: '2025-11-17T09:12:40.118Z',
    },
    {
      id: exampleIds.events[1],
      revision: '1',
      position: '2',
      type: 'CaseAllocated',
      data: { officerId: exampleOfficers.ehe, allocatedOn: exampleDates.allocated, allocatedBy: 'mary' },
      metadata: metadata(
        'mary',
        'manager',
        '2025-11-18T08:47:03.000Z',
        'c3d8e1a2-7f4b-4c95-8e20-1b6a9d4f7c32',
      ),
      recordedAt: '2025-11-18T08:47:03.542Z',
    },
  ],
  next: '1',
};

export const caseStateExample = {
  caseType: 'ehe' as const,
  asOf: '2025-12-01T17:00:00.000Z',
  basis: 'recorded' as const,
  revision: '2',
  eventsApplied: 3,
  state: {
    status: 'open',
    caseId: exampleIds.eheCase,
    receivedOn: exampleDates.referred,
    eheStartDate: exampleDates.homeEducationFrom,
    dateOfBirth: '2013-04-12',
    allocatedOfficer: exampleOfficers.ehe,
    priorityFlags: [],
    priority: false,
    consent: 'not_needed',
    firstContactOn: exampleDates.firstContact,
    visits: {},
    suitability: null,
    panels: [],
    sao: { stage: 'none', consultedSchools: [], revocation: 'none', prosecution: 'none' },
    returnedToSchool: null,
    closed: null,
    clocks: {
      firstVisit: {
        startedOn: exampleDates.firstContact,
        dueOn: '2025-12-17',
        policyVersion: 'default-2026.1',
        dayType: 'working',
        missed: false,
        escalation: 'none',
        reminded: false,
      },
    },
  },
};

export const accessLogExample = {
  entries: [
    {
      position: '51',
      readAt: '2025-11-26T09:30:12.000Z',
      actor: exampleOfficers.manager,
      role: 'manager',
      caseIds: [exampleIds.cmeCase],
      route: '/v1/dashboard',
      requestId: exampleIds.request,
    },
    {
      position: '52',
      readAt: '2025-11-26T09:31:45.000Z',
      actor: exampleOfficers.ehe,
      role: 'officer',
      caseIds: [exampleIds.eheCase],
      route: '/v1/cases/:caseId',
      requestId: 'e2b7d4c1-9a3f-4e58-b6d0-7c1f2a8e9b34',
    },
  ],
  next: '52',
};

export const healthExamples = {
  live: { status: 'ok' as const },
  ready: {
    status: 'ok' as const,
    checks: { eventStore: 'ok' as const, redis: 'ok' as const, views: 'ok' as const },
  },
  unavailable: {
    status: 'unavailable' as const,
    checks: { eventStore: 'ok' as const, redis: 'unreachable' as const, views: 'behind' as const },
  },
};

export const metricsExample = [
  '# HELP sightline_http_requests_total HTTP requests by method, route and status',
  '# TYPE sightline_http_requests_total counter',
  'sightline_http_requests_total{method="POST",route="/v1/cases/:caseId/contacts",status="200"} 1842',
  '# HELP sightline_view_lag_events Events appended but not yet applied to the in-memory views',
  '# TYPE sightline_view_lag_events gauge',
  'sightline_view_lag_events 0',
  '',
].join('\n');
