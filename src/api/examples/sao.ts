import type { SaoCommandType } from '../../domain/ehe/decide-sao.js';
import type { SaoEsoCommandType } from '../../domain/ehe/decide-sao-eso.js';
import type { SaoSchoolsCommandType } from '../../domain/ehe/decide-sao-schools.js';
import { type EheStepExamples, exampleSchools } from './index.js';
import { ehcPlanCommandExamples } from './sao-ehc-plan.js';

const court = "Southampton Magistrates' Court";

/**
 * The School Attendance Order route in Amelia's case (current regime), in order: each step's dates follow
 * the one before, and the notices' periods run from the day of service.
 */
export const saoCommandExamples: Pick<
  EheStepExamples,
  Exclude<SaoCommandType, SaoSchoolsCommandType | SaoEsoCommandType>
> = {
  ...ehcPlanCommandExamples,
  ServeSection437Notice: {
    served: {
      summary:
        'The s437(1) notice served on Amelia’s mother by hand: she has 15 days beginning with the day of service',
      value: {
        noticeId: 'notice-437-1',
        issuedOn: '2026-01-13',
        parentId: 'parent-1',
        service: { method: 'in_person', servedOn: '2026-01-14' },
        periodDays: 15,
      },
      events: ['Section437NoticeServed'],
    },
  },
  JudgeSection437Response: {
    notSatisfied: {
      summary: 'The period has ended and the council is not satisfied',
      value: {
        judgedOn: '2026-01-30',
        satisfied: false,
        rationale: 'No information about the education was given by the end of the period on 28 January.',
      },
      events: ['Section437ResponseJudged'],
    },
  },
  DecideAttendanceExpediency: {
    expedient: {
      summary: 'The council decides it is expedient that Amelia attend school',
      value: {
        decidedOn: '2026-02-02',
        expedient: true,
        rationale: 'Amelia has had no known education since November and a local school place is available.',
      },
      events: ['AttendanceExpediencyDecided'],
    },
  },
  ConsultSchool: {
    consult: {
      summary: 'The school the council intends to name is consulted',
      value: {
        school: exampleSchools.intended,
        consultedOn: '2026-02-03',
        response: 'A Year 8 place is available from 2 March.',
        maintained: false,
      },
      events: ['SchoolConsulted'],
    },
    consultAlternative: {
      summary: 'The maintained school the notice names as an alternative is consulted too (s.439)',
      value: {
        school: exampleSchools.alternative,
        consultedOn: '2026-02-04',
        response: 'A place is available; Amelia has never been excluded from the school.',
        maintained: true,
        childPermanentlyExcluded: false,
      },
      events: ['SchoolConsulted'],
    },
  },
  ServeSection438Notice: {
    served: {
      summary:
        'The notice of intention (s438) posted first class on Friday 6 February: deemed served on Tuesday ' +
        '10 February (Interpretation Act 1978 s.7), the parent’s 15 days end on 24 February',
      value: {
        noticeId: 'notice-438-1',
        issuedOn: '2026-02-06',
        parentId: 'parent-1',
        service: { method: 'post', postedOn: '2026-02-06', postClass: 'first' },
        intendedSchool: exampleSchools.intended,
        alternativeSchools: [exampleSchools.alternative],
      },
      events: ['Section438NoticeServed'],
    },
  },
  RecordParentSchoolChoice: {
    namedSchool: {
      summary: 'Within the 15 days the parent selects a school the notice named',
      value: { chosenOn: '2026-02-20', kind: 'named_school', school: exampleSchools.intended },
      events: ['SchoolChosenByParent'],
    },
    applicationElsewhere: {
      summary:
        'Within the 15 days the parent applies for a place elsewhere and tells the council; the offer may come later (s.438)',
      value: {
        kind: 'application_elsewhere',
        school: exampleSchools.appliedTo,
        applicationMadeOn: '2026-02-16',
        notifiedOn: '2026-02-17',
      },
      events: ['SchoolChosenByParent'],
    },
  },
  ServeSchoolAttendanceOrder: {
    served: {
      summary: "The order served after the parent's 15 days ended without a choice",
      value: {
        orderId: 'order-1',
        issuedOn: '2026-02-25',
        parentId: 'parent-1',
        service: { method: 'in_person', servedOn: '2026-02-26' },
        school: exampleSchools.intended,
      },
      events: ['SchoolAttendanceOrderServed'],
    },
    ehcPlanSchool: {
      summary: 'For a child with an EHC plan: after expediency, the order names the plan’s school (s.441)',
      value: {
        orderId: 'order-1',
        issuedOn: '2026-02-04',
        parentId: 'parent-1',
        service: { method: 'in_person', servedOn: '2026-02-05' },
        school: exampleSchools.special,
      },
      events: ['SchoolAttendanceOrderServed'],
    },
  },
  AmendSchoolAttendanceOrder: {
    amend: {
      summary: 'At the parent’s request the order names the school that offered a place (s.440(2))',
      value: {
        initiatedBy: 'parent_request',
        requestedOn: '2026-03-02',
        appliedOn: '2026-02-27',
        offeredOn: '2026-03-02',
        amendedOn: '2026-03-04',
        school: exampleSchools.alternative,
      },
      events: ['SchoolAttendanceOrderAmended'],
    },
    councilInitiative: {
      summary: 'The council amends the order on its own initiative (s.437(4))',
      value: {
        initiatedBy: 'council',
        amendedOn: '2026-03-04',
        school: exampleSchools.alternative,
        rationale: 'Itchen Vale has no Year 8 place after all; Weston Lane has one and is nearer.',
      },
      events: ['SchoolAttendanceOrderAmended'],
    },
  },
  RecordSaoRevocationRequest: {
    request: {
      summary: 'The parent asks for the order to be revoked on the ground of suitable education (s442)',
      value: {
        requestedOn: '2026-03-05',
        arrangements:
          'Amelia is taught at home by her mother, with a qualified tutor for maths and English three ' +
          'mornings a week; a timetable and work samples are attached.',
      },
      events: ['SaoRevocationRequested'],
    },
  },
  RevokeSchoolAttendanceOrder: {
    revoke: {
      summary: 'The order revoked: the arrangements are suitable',
      value: {
        revokedOn: '2026-03-20',
        ground: 'parent_request_granted',
        rationale: 'The timetable and samples show suitable full-time education.',
      },
      events: ['SchoolAttendanceOrderRevoked'],
    },
    councilInitiative: {
      summary: 'Revoked on the council’s own initiative (s.437(4)(a)), with its ground',
      value: {
        revokedOn: '2026-03-20',
        ground: 'council_initiative_other',
        rationale: 'The family has moved to Hampshire; the order is no longer expedient here.',
      },
      events: ['SchoolAttendanceOrderRevoked'],
    },
  },
  RefuseSaoRevocation: {
    refuse: {
      summary: 'Revocation refused, with the reasons',
      value: {
        refusedOn: '2026-03-20',
        rationale: 'The arrangements cover ten hours a week with no plan for the rest of the week.',
      },
      events: ['SaoRevocationRefused'],
    },
  },
  ReferSaoRefusalToSecretaryOfState: {
    refer: {
      summary: 'The parent refers the refusal to the Secretary of State',
      value: {
        referredOn: '2026-03-27',
        notes: 'Referred by the parent under s.442; papers sent to the DfE.',
      },
      events: ['SaoRefusalReferredToSecretaryOfState'],
    },
  },
  RecordSaoSecretaryOfStateDirection: {
    revoke: {
      summary: 'The Secretary of State directs the council to revoke the order: it is revoked',
      value: {
        directedOn: '2026-04-24',
        direction: 'revoke',
        notes: 'The DfE found the arrangements satisfactory and directed revocation.',
      },
      events: ['SaoSecretaryOfStateDirectionRecorded', 'SchoolAttendanceOrderRevoked'],
    },
    uphold: {
      summary: 'The Secretary of State upholds the refusal: the order stays in force',
      value: { directedOn: '2026-04-24', direction: 'uphold' },
      events: ['SaoSecretaryOfStateDirectionRecorded'],
    },
  },
  RecordSaoCompliance: {
    registered: {
      summary: 'Amelia is registered at the school the order names',
      value: { registeredOn: '2026-03-09', school: exampleSchools.intended },
      events: ['SchoolAttendanceOrderComplied'],
    },
  },
  ConsiderEso: {
    prosecute: {
      summary: 'An education supervision order considered before prosecution (s447(1))',
      value: {
        consideredOn: '2026-03-23',
        decision: 'prosecute',
        rationale:
          'Amelia is still not registered three weeks after the order and the family has not taken up ' +
          'the support offered, so an ESO is unlikely to help.',
      },
      events: ['EsoConsidered'],
    },
  },
  StartProsecution: {
    start: {
      summary:
        'A prosecution for failing to comply with the order (s443) from its service on 26 February to the day before',
      value: { startedOn: '2026-03-30', court, offencePeriod: { from: '2026-02-26', to: '2026-03-29' } },
      events: ['ProsecutionStarted'],
    },
  },
  RecordProsecutionOutcome: {
    convicted: {
      summary: "The court's decision",
      value: {
        decidedOn: '2026-05-11',
        outcome: 'convicted',
        sentence: 'Fined £200 with £85 costs; the order stays in force.',
      },
      events: ['ProsecutionOutcomeRecorded'],
    },
  },
  RecordEsoDirection: {
    direction: {
      summary: 'On convicting under s.443 the court directs the council to apply for an ESO (s.447(2)(a))',
      value: { directedOn: '2026-05-11', court },
      events: ['EsoDirectionReceived'],
    },
    courtPeriod: {
      summary: 'The court sets its own date for the reasons if the council does not apply (s.447(4))',
      value: { directedOn: '2026-05-11', court, reasonsDueBy: '2026-06-08' },
      events: ['EsoDirectionReceived'],
    },
  },
  AnswerEsoDirection: {
    applied: {
      summary: 'The council applies for the ESO within 8 weeks of the direction',
      value: { answeredOn: '2026-06-01', answer: 'eso_applied' },
      events: ['EsoDirectionAnswered'],
    },
    reasonsGiven: {
      summary: "Having consulted children's services, the council gives the court its reasons (s.447(2)-(3))",
      value: {
        answeredOn: '2026-06-01',
        answer: 'reasons_given',
        reasons:
          "Children's services are working with the family under a child in need plan that covers attendance.",
      },
      events: ['EsoDirectionAnswered'],
    },
  },
};
