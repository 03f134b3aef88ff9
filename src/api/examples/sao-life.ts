import type { SaoEsoCommandType } from '../../domain/ehe/decide-sao-eso.js';
import type { SaoSchoolsCommandType } from '../../domain/ehe/decide-sao-schools.js';
import { type EheStepExamples, exampleSchools } from './index.js';

const court = "Southampton Magistrates' Court";

/** The schools' part of Amelia's route (s.438, s.439, s.437(5)) and the education supervision order (s.447). */
export const saoLifeCommandExamples: Pick<EheStepExamples, SaoSchoolsCommandType | SaoEsoCommandType> = {
  NotifyGoverningBody: {
    notify: {
      summary: "The maintained school's governing body told: 15 days to apply for a direction (s.439)",
      value: { school: exampleSchools.alternative, notifiedOn: '2026-02-05' },
      events: ['GoverningBodyNotified'],
    },
  },
  RecordGoverningBodyDirectionApplication: {
    apply: {
      summary:
        'Within its 15 days (told 5 February: to 19 February) the governing body applies to the Secretary of State for a direction (s.439): until it is given, the order cannot name the school',
      value: { school: exampleSchools.alternative, appliedOn: '2026-02-12' },
      events: ['GoverningBodyAppliedForDirection'],
    },
  },
  RecordSecretaryOfStateSchoolDirection: {
    mayBeNamed: {
      summary: "The Secretary of State's direction: the school may be named in the order (s.439)",
      value: {
        school: exampleSchools.alternative,
        directedOn: '2026-02-23',
        outcome: 'school_may_be_named',
      },
      events: ['SecretaryOfStateSchoolDirectionRecorded'],
    },
    notToBeNamed: {
      summary: "The Secretary of State's direction: the school is not to be named (s.439)",
      value: {
        school: exampleSchools.alternative,
        directedOn: '2026-02-23',
        outcome: 'school_not_to_be_named',
        notes: 'The school is full in Year 8.',
      },
      events: ['SecretaryOfStateSchoolDirectionRecorded'],
    },
  },
  RecordSchoolApplicationDecision: {
    offered: {
      summary:
        'The school offers a place after the 15 days, on an application made within them: the order names it',
      value: { decidedOn: '2026-03-02', outcome: 'offered' },
      events: ['SchoolApplicationDecided'],
    },
  },
  RecordNamedSchoolInformed: {
    informed: {
      summary: 'The governing body and the head teacher of the named school informed (s.437(5))',
      value: { informedOn: '2026-02-27', governingBody: true, headTeacher: true },
      events: ['NamedSchoolInformed'],
    },
  },
  RecordChildrensServicesConsultation: {
    consulted: {
      summary: "Children's services consulted on the court's direction (s.447(2))",
      value: {
        consultedOn: '2026-05-18',
        authority: "Southampton City Council children's services",
        views: 'Amelia has a child in need plan; her social worker supports school attendance.',
      },
      events: ['ChildrensServicesConsultedOnEso'],
    },
  },
  RecordEsoApplication: {
    applied: {
      summary: 'The council applies for an education supervision order',
      value: { appliedOn: '2026-05-26', court },
      events: ['EsoApplied'],
    },
  },
  RecordEsoDecision: {
    made: {
      summary: 'The court makes the ESO: it runs for the policy period (12 months by default)',
      value: { decidedOn: '2026-06-15', outcome: 'made', supervisor: 'Education welfare service' },
      events: ['EsoMade'],
    },
  },
  RecordEsoExtension: {
    extend: {
      summary: 'The court extends the ESO',
      value: { extendedOn: '2026-11-02', expiresOn: '2028-06-14' },
      events: ['EsoExtended'],
    },
  },
  RecordEsoDischarge: {
    discharge: {
      summary: 'The court discharges the ESO',
      value: { dischargedOn: '2026-10-05', reason: 'Amelia attends school full time.' },
      events: ['EsoDischarged'],
    },
  },
};
