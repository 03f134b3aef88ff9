import type { z } from 'zod';
import type { CmeCommandType, cmeCommandBodies } from '../../domain/cme/commands.js';
import {
  type CommandExample,
  exampleAddresses,
  exampleDates,
  exampleIds,
  exampleOfficers,
  exampleSchools,
} from './index.js';

/**
 * Each CME step's body examples, by name: every command a person issues but the referral (which has its own
 * route); the deadline worker's clock steps have no route, nor has the new pupil return's match (sent by
 * the intake route, `POST /v1/new-pupil-returns`).
 */
export type CmeStepExamples = {
  [T in Exclude<
    CmeCommandType,
    | 'ReceiveCmeReferral'
    | 'RecordDeadlineMissed'
    | 'EscalateCase'
    | 'CloseAtEndOfSchoolAge'
    | 'RecordFoundOnRollByReturn'
  >]: Record<string, CommandExample<z.input<(typeof cmeCommandBodies)[T]>>>;
};

const enquiryId = 'enquiry-health-1';
const portsmouth = 'Portsmouth City Council';

/** Noah's case: tracing him after ten school days' absence, and what happens once he is found. */
export const cmeCommandExamples: CmeStepExamples = {
  AllocateCase: {
    allocate: {
      summary: 'The co-ordinator allocates the case to a CME officer',
      value: { officerId: exampleOfficers.cme, allocatedOn: exampleDates.allocated },
      events: ['CaseAllocated'],
    },
  },
  ReallocateCase: {
    reallocate: {
      summary: 'Moved to another CME officer, saying why',
      value: {
        officerId: exampleOfficers.cmeCover,
        reallocatedOn: '2026-01-05',
        reason: 'Carys is on leave until February; Chidi covers her caseload.',
      },
      events: ['CaseReallocated'],
    },
  },
  MakeCmeEnquiry: {
    health: {
      summary: 'An enquiry of the health service',
      value: {
        enquiryId,
        agency: 'health',
        madeOn: exampleDates.allocated,
        details: 'Asked the school nursing team whether Noah is registered with a GP elsewhere.',
      },
      events: ['CmeEnquiryMade'],
    },
  },
  RecordCmeEnquiryOutcome: {
    informationReceived: {
      summary: "The health service's answer",
      value: {
        enquiryId,
        outcome: 'information_received',
        receivedOn: '2025-11-21',
        details: 'Registered with a GP practice in Portsmouth since 3 November.',
      },
      events: ['CmeEnquiryOutcomeRecorded'],
    },
  },
  AssessCmeRisk: {
    high: {
      summary: 'High risk: social care and the police must both be told within one working day',
      value: {
        assessedOn: exampleDates.firstContact,
        level: 'high',
        rationale:
          "Noah's younger sister is also missing from nursery and the family is known to social care.",
      },
      events: ['CmeRiskAssessed'],
    },
  },
  ReportToSocialCare: {
    report: {
      summary: "Reported to children's social care (the front door)",
      value: {
        reportedAt: '2025-11-19T14:30:00Z',
        reference: 'MASH-25-11873',
        details: 'Reported to the duty team by phone and the online form.',
      },
      events: ['ReportedToSocialCare'],
    },
  },
  ReportToPolice: {
    report: {
      summary: 'Reported to the police: with the social care report, stops the high-risk report clock',
      value: {
        reportedAt: '2025-11-19T15:10:00Z',
        reference: 'Police log 44251119-0612',
        details: 'Reported as a missing child concern on 101.',
      },
      events: ['ReportedToPolice'],
    },
  },
  EstablishWhereabouts: {
    inArea: {
      summary: 'Found living in the area without a school place',
      value: {
        establishedOn: '2025-11-24',
        whereabouts: { kind: 'in_area', address: exampleAddresses.noahFound },
        details: 'Living with his aunt since the family moved; no school place.',
      },
      events: ['WhereaboutsEstablished'],
    },
    otherCouncilArea: {
      summary: "Found in another council's area",
      value: {
        establishedOn: '2025-11-21',
        whereabouts: {
          kind: 'other_council_area',
          council: portsmouth,
          address: exampleAddresses.noahInPortsmouth,
        },
      },
      events: ['WhereaboutsEstablished'],
    },
    onRoll: {
      summary: 'Found on roll at a school',
      value: {
        establishedOn: '2025-11-24',
        whereabouts: { kind: 'on_roll', school: exampleSchools.intended, onRollFrom: '2025-11-24' },
      },
      events: ['WhereaboutsEstablished'],
    },
  },
  ApplyForSchoolPlace: {
    apply: {
      summary: 'A school place applied for',
      value: { appliedOn: '2025-11-25', school: exampleSchools.intended },
      events: ['CmeSchoolPlaceAppliedFor'],
    },
  },
  ReferToFairAccess: {
    refer: {
      summary: 'Referred to the In Year Fair Access panel (the placement clock waits for the panel to agree)',
      value: {
        referredOn: '2025-11-28',
        details: 'No Year 7 place within reach; on the panel agenda for 4 December.',
      },
      events: ['CmeFairAccessReferralMade'],
    },
  },
  AgreeFairAccessConsideration: {
    agree: {
      summary:
        'The panel agrees to consider Noah under the protocol: a place is due within 20 school days (School Admissions Code 2021)',
      value: {
        agreedOn: '2025-12-04',
        details: 'Panel of 4 December: Year 7 place to be found in the city.',
      },
      events: ['CmeFairAccessConsiderationAgreed'],
    },
  },
  RecordFairAccessPlaceAllocated: {
    allocate: {
      summary:
        'The panel allocates a place: the placement clock stops (his start is recorded when he is on roll)',
      value: { allocatedOn: '2025-12-09', school: exampleSchools.intended },
      events: ['CmeFairAccessPlaceAllocated'],
    },
  },
  HandToAnotherCouncil: {
    handOver: {
      summary: 'Handed to the council where Noah now lives',
      value: { handedOn: '2025-11-26', council: portsmouth, contact: 'Children Missing Education officer' },
      events: ['CmeCaseHandedToAnotherCouncil'],
    },
  },
  RecordBecameEhe: {
    becameEhe: {
      summary: 'Found to be home educated: opens the EHE case named',
      value: { eheCaseId: exampleIds.eheCaseFromCme, establishedOn: '2025-11-27' },
      events: ['CmeChildBecameEhe'],
    },
  },
  RecordUntracedReview: {
    review: {
      summary: 'A review while Noah is still not found: the case stays open',
      value: {
        reviewedOn: '2025-12-01',
        notes: 'No trace through the lost pupils database, health or housing; next review in 20 school days.',
      },
      events: ['CmeUntracedReviewRecorded'],
    },
  },
  ChangeCmePrimaryReason: {
    awaitingPlace: {
      summary: "Noah's family has moved back and applied for a place: the DfE primary reason changes",
      value: { changedOn: '2025-11-25', primaryReason: { code: 'awaiting_school_place' } },
      events: ['CmePrimaryReasonChanged'],
    },
  },
  RecordMissingSince: {
    lastSeen: {
      summary: 'The school confirms the last day Noah attended: the DfE length of time missing runs from it',
      value: { recordedOn: '2025-11-20', missingSince: '2025-10-31' },
      events: ['CmeMissingSinceRecorded'],
    },
  },
  EstimateDateOfBirth: {
    estimate: {
      summary:
        "An untraced child's date of birth estimated, for compulsory school age and the year group (always shown as an estimate)",
      value: {
        estimatedOn: '2025-11-25',
        dateOfBirth: '2013-09-01',
        basis:
          'His sister is in Year 10 at Weston Lane School; the neighbour says he is two school years younger.',
      },
      events: ['CmeDateOfBirthEstimated'],
    },
  },
  RecordLeftRoll: {
    deleted: {
      summary: 'The school deletes Noah from its roll after 20 school days: from then he counts as CME',
      value: {
        deletedOn: '2025-12-01',
        school: exampleSchools.left,
        details: 'Deleted under reg 9(1)(i) after joint reasonable enquiries found no trace.',
      },
      events: ['CmeChildLeftRoll'],
    },
  },
  CloseCase: {
    onRoll: {
      summary: 'Closed once Noah is on roll at a school',
      value: { closedOn: '2025-11-28', destination: 'on_roll' },
      events: ['CmeCaseClosed'],
    },
  },
  ReopenCase: {
    missingAgain: {
      summary: 'Reopened when the child is missing again',
      value: {
        reopenedOn: '2026-01-12',
        reason: 'Itchen Vale Academy reports Noah has not attended since the Christmas holiday.',
      },
      events: ['CmeCaseReopened'],
    },
  },
};
