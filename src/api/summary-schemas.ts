import { z } from 'zod';
import type { CaseSummary, OpenDeadline } from './views.js';

const date = z.string().meta({ description: 'A London calendar date, YYYY-MM-DD' });
const caseType = z.enum(['ehe', 'cme']);
const escalation = z.enum(['none', 'manager', 'head_of_service']);

export const CaseClockSchema = z.object({
  clock: z.string(),
  startedOn: date,
  dueOn: date,
  remindOn: date.optional(),
  missed: z.boolean(),
  escalation,
});

/** One service of a School Attendance Order document on one parent, or an amendment of the order. */
const SaoServedDocumentSchema = z
  .object({
    document: z.enum(['section437Notice', 'section438Notice', 'order', 'amendedOrder']),
    documentId: z.string().nullable(),
    parentId: z.string().nullable().meta({
      description:
        'The parent served (s.443(1) "a parent on whom a school attendance order is served"); null on services recorded before they named one, and on amendments',
    }),
    issuedOn: date,
    method: z.enum(['in_person', 'left_at_address', 'post', 'email']).optional(),
    postedOn: date.optional(),
    postClass: z.enum(['first', 'second']).optional(),
    sentOn: date.optional(),
    servedOn: date.optional().meta({ description: 'The day it counts as served; its period runs from it' }),
    servedOnBasis: z
      .enum([
        'served_that_day',
        'deemed_delivery_by_post',
        'actual_receipt_proved',
        'deemed_email_next_working_day',
        'recorded_as_entered',
      ])
      .optional()
      .meta({
        description:
          'Handed over or left that day; deemed delivered in the ordinary course of post (Interpretation Act 1978 s.7: 2nd working day first class, 4th second class); an earlier receipt proved with evidence; email the next working day (local policy); or a date entered before service was recorded in detail',
      }),
    receiptEvidence: z.string().optional(),
    periodEndsOn: date.optional().meta({
      description: "The period's last day as printed on the notice (s.437(2), s.438)",
    }),
    amendedOn: date.optional(),
    initiatedBy: z.enum(['parent_request', 'council', 'ehc_plan']).optional(),
    legalBasis: z.string(),
  })
  .meta({ id: 'SaoServedDocument' });

/** The summary view of a case, with revision and position as strings (JSON has no 64-bit integers). */
export const CaseSummarySchema = z
  .object({
    caseId: z.string(),
    caseType,
    status: z.string(),
    open: z.boolean(),
    child: z.object({
      givenName: z.string(),
      familyName: z.string(),
      dateOfBirth: date.optional(),
      estimatedDateOfBirth: date.optional().meta({
        description:
          "CME: an officer's estimate while the date of birth is not known; yearGroup and compulsorySchoolAge are then worked out from it and are estimates too",
      }),
      sex: z.enum(['F', 'M', 'U']),
      upn: z.string().optional(),
      senStatus: z.enum(['N', 'K', 'E']).optional(),
      ehcp: z.boolean(),
      yearGroup: z.int().optional(),
      compulsorySchoolAge: z.object({ start: date, end: date }).optional().meta({
        description:
          'EA 1996 s.8: the first day of compulsory school age and the school leaving date, at the end of which it ends',
      }),
    }),
    priority: z.boolean(),
    priorityFlags: z.array(z.string()),
    officerId: z.string().optional(),
    source: z.string(),
    receivedOn: date,
    openedOn: date,
    closedOn: date.optional(),
    closeReason: z.string().optional(),
    clocks: z
      .array(CaseClockSchema)
      .meta({ description: 'Open clocks with the due dates set when they started' }),
    nextDueOn: date.optional(),
    lastContactOn: date.optional(),
    lastVisitOn: date.optional(),
    lastAssessment: z
      .object({ kind: z.enum(['suitability', 'risk']), outcome: z.string(), on: date })
      .optional(),
    nextReviewOn: date.optional(),
    saoStage: z.string().optional(),
    sao: z
      .object({
        stage: z.string(),
        regime: z.literal('EA1996'),
        section437Notice: z.object({ servedOn: date, periodEndsOn: date }).optional(),
        section438Notice: z.object({ servedOn: date, choiceEndsOn: date }).optional(),
        order: z.object({ servedOn: date, inForceUntil: date.optional() }).optional(),
        documents: z.array(SaoServedDocumentSchema),
      })
      .optional()
      .meta({
        description:
          "The School Attendance Order route's statutory dates as its notices state them: each period's last day, and the order's end at the school leaving date (s.437(4))",
      }),
    riskLevel: z.enum(['low', 'medium', 'high']).optional(),
    located: z.boolean().optional(),
    closureProposal: z
      .object({ destination: z.literal('on_roll'), proposedOn: date, returnId: z.string() })
      .optional()
      .meta({
        description:
          "CME: the closure a school's new pupil return proposed (the child found on roll at the school, reg 13(1)), from the day the return arrived until the officer closes the case",
      }),
    fairAccess: z
      .object({
        referredOn: date,
        agreedOn: date.optional(),
        placeDueBy: date.optional(),
        place: z
          .object({ allocatedOn: date, school: z.object({ name: z.string(), urn: z.string().optional() }) })
          .optional(),
      })
      .optional()
      .meta({
        description:
          'CME, once referred to the Fair Access Protocol: agreedOn is the day the child was agreed to be considered, from which a place is due within 20 school days (placeDueBy, while none is allocated: School Admissions Code 2021); place is the place allocated. The start at the school is the whereabouts on roll',
      }),
    possibleDuplicateOf: z
      .array(z.string())
      .optional()
      .meta({ description: 'Open cases this child may already have, flagged at referral for triage' }),
    revision: z.string(),
    position: z.string(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummaryView = z.infer<typeof CaseSummarySchema>;

export const summaryView = (summary: CaseSummary): CaseSummaryView => ({
  ...summary,
  revision: summary.revision.toString(),
  position: summary.position.toString(),
});

export const OpenDeadlineSchema = z
  .object({
    caseId: z.string(),
    caseType,
    clock: z.string(),
    startedOn: date,
    dueOn: date,
    remindOn: date.optional(),
    status: z.enum(['due', 'due_soon', 'overdue', 'missed', 'escalated']),
    escalation,
    officerId: z.string().optional(),
    priority: z.boolean(),
  })
  .meta({ id: 'OpenDeadline' });

export const deadlineView = (deadline: OpenDeadline) => deadline;

/** The answers of the case queries, in pages. */
const DashboardCaseSchema = z.object({
  caseId: z.string(),
  caseType: z.enum(['ehe', 'cme']),
  childName: z.string(),
  priority: z.boolean(),
  officerId: z.string().optional(),
  since: z.string(),
});
const counted = <T extends z.ZodType>(item: T) => z.object({ count: z.int(), items: z.array(item) });
export const DashboardSchema = z
  .object({
    today: z.string(),
    listLimit: z.int(),
    unallocated: counted(DashboardCaseSchema),
    overdueByClock: z.record(z.string(), z.int()),
    overdue: counted(OpenDeadlineSchema),
    dueSoon: counted(OpenDeadlineSchema).meta({ description: 'Due today or in the next 7 working days' }),
    escalationsOpen: counted(OpenDeadlineSchema),
    highRiskCme: counted(DashboardCaseSchema),
    untracedCme: counted(DashboardCaseSchema),
    possibleDuplicates: counted(DashboardCaseSchema).meta({
      description: 'Referrals that may be a child with another open case, awaiting the co-ordinator',
    }),
    closureProposals: counted(DashboardCaseSchema).meta({
      description:
        "Open CME cases whose child a school's new pupil return found on roll (reg 13(1) of the School Attendance (Pupil Registration) (England) Regulations 2024), since the return arrived: the closure is proposed to the officer, who closes the case",
    }),
    pastSchoolAge: counted(DashboardCaseSchema).meta({
      description:
        'Open cases whose child has passed the school leaving date (EA 1996 s.8(3)), since that date: the daily sweep closes them, so one listed here is a case it may not close (an EHE case with a prosecution pending)',
    }),
    saoByStage: z.record(z.string(), z.int()),
    position: z.string(),
  })
  .meta({ id: 'Dashboard' });

export const CaseListPageSchema = z.object({
  items: z.array(CaseSummarySchema),
  nextCursor: z.string().optional(),
});
export const CaseloadSchema = z.object({
  officerId: z.string(),
  total: z.int(),
  items: z.array(CaseSummarySchema),
  nextCursor: z.string().optional(),
});
export const DeadlineListSchema = z.object({ items: z.array(OpenDeadlineSchema) });
