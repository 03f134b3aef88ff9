import { caseworkCommandExamples } from './casework.js';
import { type EheStepExamples, exampleDates, exampleIds, exampleOfficers, exampleSchools } from './index.js';
import { parentCommandExamples } from './parents.js';
import { registerCommandExamples } from './register-duties.js';
import { saoCommandExamples } from './sao.js';
import { saoLifeCommandExamples } from './sao-life.js';

/** Amelia's case as a whole: allocation, consent, flags, panels and closure (casework and SAO steps apart). */
const caseExamples: Omit<
  EheStepExamples,
  | keyof typeof saoCommandExamples
  | keyof typeof caseworkCommandExamples
  | keyof typeof parentCommandExamples
  | keyof typeof saoLifeCommandExamples
  | keyof typeof registerCommandExamples
> = {
  AllocateCase: {
    allocate: {
      summary: 'The co-ordinator allocates the case the day after the referral',
      value: { officerId: exampleOfficers.ehe, allocatedOn: exampleDates.allocated },
      events: ['CaseAllocated'],
    },
  },
  ReallocateCase: {
    reallocate: {
      summary: 'Moved to another officer, saying why',
      value: {
        officerId: exampleOfficers.eheCover,
        reallocatedOn: '2026-01-05',
        reason: 'Olive has moved to the CME team; Omar covers Bitterne and Harefield.',
      },
      events: ['CaseReallocated'],
    },
  },
  RequestSpecialSchoolConsent: {
    requestByParent: {
      summary: "The parent asks for consent to take the child off a special school's roll",
      value: { requestedOn: exampleDates.allocated, requestedBy: 'parent', school: exampleSchools.special },
      events: ['SpecialSchoolConsentRequested'],
    },
  },
  GiveSpecialSchoolConsent: {
    give: {
      summary: 'Consent given, with the reasons',
      value: {
        decidedOn: '2025-11-28',
        rationale: "The parents' plan meets the needs set out in the EHCP; the SEND team agrees.",
      },
      events: ['SpecialSchoolConsentGiven'],
    },
  },
  RefuseSpecialSchoolConsent: {
    refuse: {
      summary: 'Consent refused: a refusal always gives its reasons',
      value: {
        decidedOn: '2025-11-28',
        rationale:
          'The plan does not provide the speech and language therapy the EHCP specifies; the parents are ' +
          'invited to a meeting with the SEND team to revise it.',
      },
      events: ['SpecialSchoolConsentRefused'],
    },
  },
  ChangePriorityFlags: {
    childInNeed: {
      summary: 'Social care reports a child in need plan: the case becomes a priority case',
      value: {
        changedOn: '2025-12-01',
        flags: ['child_in_need_plan'],
        toldBy: 'social_care',
        notes: 'Child in need plan started on 28 November.',
      },
      events: ['PriorityFlagsChanged'],
    },
  },
  ReferToPanel: {
    childrenNotInSchool: {
      summary: 'Referred to the Children Not In School panel',
      value: {
        panel: 'children_not_in_school',
        referredOn: '2025-12-15',
        reason: 'Amelia has been seen once; the family declines further visits and social care has concerns.',
      },
      events: ['PanelReferralMade'],
    },
  },
  RecordPanelDecision: {
    decision: {
      summary: "The panel's decision and actions",
      value: {
        panel: 'children_not_in_school',
        decidedOn: '2026-01-08',
        decision: 'Continue to monitor; offer a meeting with the EHE adviser.',
        actions: ['EHE adviser to offer a meeting by 22 January', 'Review at the March panel'],
      },
      events: ['PanelDecisionRecorded'],
    },
  },
  RecordReturnToSchool: {
    returned: {
      summary: 'Amelia starts at a new school',
      value: { school: exampleSchools.intended, startDate: '2026-01-05' },
      events: ['ReturnedToSchool'],
    },
  },
  ReclassifyAsCme: {
    reclassify: {
      summary:
        'Reclassified as a child missing education: opens the CME case named; this case and its School Attendance Order route stay open',
      value: {
        reclassifiedOn: '2026-02-02',
        cmeCaseId: exampleIds.cmeCaseFromEhe,
        reason: 'The family has left the address without a forwarding address and no education is known.',
      },
      events: ['ReclassifiedAsCme'],
    },
  },
  CloseCase: {
    returnedToSchool: {
      summary: 'Closed after the return to school was recorded',
      value: { closedOn: '2026-01-09', reason: 'returned_to_school' },
      events: ['EheCaseClosed'],
    },
    movedOutOfArea: {
      summary: 'Closed on a move out of the area, naming the council told',
      value: {
        closedOn: '2026-01-09',
        reason: 'moved_out_of_area',
        receivingCouncil: 'Hampshire County Council',
      },
      events: ['EheCaseClosed'],
    },
  },
  ReopenCase: {
    reopen: {
      summary: 'Reopened when the child is home educated again',
      value: {
        reopenedOn: '2026-02-02',
        reason:
          'Itchen Vale Academy has taken Amelia off roll again: her mother has written that she will home educate.',
      },
      events: ['EheCaseReopened'],
    },
  },
};

/** Every EHE command's examples, by command type. */
export const eheCommandExamples: EheStepExamples = {
  ...caseExamples,
  ...caseworkCommandExamples,
  ...saoCommandExamples,
  ...parentCommandExamples,
  ...saoLifeCommandExamples,
  ...registerCommandExamples,
};
