import type { RegisterCommandType } from '../../domain/ehe/decide-register.js';
import type { EheStepExamples } from './index.js';

/**
 * Amelia on the Children Not In School register (issue 18 items 3 and 4; EA 1996 ss.436B, 436D–436G). The
 * example server keeps the register voluntarily (no commencement date), so each step is recorded `voluntary`
 * and a refused visit is no ground for an order; docs/law/cnis-register.md says how it runs after.
 */
export const registerCommandExamples: Pick<
  EheStepExamples,
  Exclude<RegisterCommandType, 'StartRegisterDuties'>
> = {
  DecideRegisterHomeVisit: {
    requested: {
      summary:
        'Within 15 days of registration: where Amelia lives considered, a home visit requested (s.436B)',
      value: {
        decidedOn: '2025-11-24',
        whereChildLives: 'Lives with her mother at the family home; no other address known.',
        homeVisit: 'requested',
        proposedFor: '2025-12-02',
      },
      events: ['RegisterHomeVisitDecided'],
    },
    notRequested: {
      summary: 'Where the child lives considered; no visit requested',
      value: {
        decidedOn: '2025-11-24',
        whereChildLives: 'Known to the service from an earlier period of home education at this address.',
        homeVisit: 'not_requested',
      },
      events: ['RegisterHomeVisitDecided'],
    },
  },
  RecordRegisterHomeVisitAnswer: {
    refused: {
      summary: 'The family refuses the home visit (after commencement, a ground for the new order regime)',
      value: { answeredOn: '2025-11-26', answer: 'refused', notes: 'Prefers to send a written report.' },
      events: ['RegisterHomeVisitAnswered'],
    },
    accepted: {
      summary: 'The family accepts the home visit',
      value: { answeredOn: '2025-11-26', answer: 'accepted' },
      events: ['RegisterHomeVisitAnswered'],
    },
  },
  RequestParentRegisterInformation: {
    onEligibility: {
      summary: "Asks Amelia's mother for the register's information (s.436D); the period is a policy setting",
      value: {
        requestId: 'register-request-1',
        parentId: 'parent-1',
        requestedOn: '2025-11-20',
        kind: 'on_becoming_eligible',
      },
      events: ['RegisterInformationRequestedFromParent'],
    },
  },
  RecordParentRegisterInformation: {
    answer: {
      summary: 'The mother answers the request in full',
      value: {
        requestId: 'register-request-1',
        parentId: 'parent-1',
        receivedOn: '2025-11-28',
        completeness: 'complete',
        summary: 'Both parents named; about 20 hours a week taught by the mother, 4 by a maths tutor.',
        information: {
          livingAtHomeAddressSince: '2019-03-01',
          parentsProvidingEducation: ['Jo Walker'],
          hoursEducatedByParents: 20,
          hoursEducatedByOthers: 4,
        },
      },
      events: ['RegisterInformationReceivedFromParent'],
    },
    change: {
      summary: 'Unasked, the mother tells of a change: a new tutor (s.436D, changes)',
      value: {
        parentId: 'parent-1',
        receivedOn: '2026-01-12',
        completeness: 'complete',
        summary: 'A science tutor from January, 3 hours a week online.',
        information: { hoursEducatedByOthers: 7 },
      },
      events: ['RegisterInformationReceivedFromParent'],
    },
  },
  RecordParentRegisterInformationNotProvided: {
    notProvided: {
      summary: 'The period ended without an answer (after commencement, a ground for the new order regime)',
      value: { requestId: 'register-request-1', recordedOn: '2025-12-05', notes: 'Letter and two calls.' },
      events: ['RegisterInformationNotProvided'],
    },
  },
  RequestProviderRegisterInformation: {
    tutor: {
      summary:
        'Asks the maths tutor for the register information (s.436E: no sooner than 3 months after the last)',
      value: {
        requestId: 'provider-request-1',
        providerId: 'bright-maths-tuition',
        providerName: 'Bright Maths Tuition',
        requestedOn: '2025-12-01',
      },
      events: ['RegisterInformationRequestedFromProvider'],
    },
  },
  RecordProviderRegisterInformation: {
    answer: {
      summary: "The tutor's answer, with the time estimated",
      value: {
        requestId: 'provider-request-1',
        receivedOn: '2025-12-08',
        hoursPerWeek: 4,
        hoursWithoutParentPerWeek: 0,
        summary: 'Two 2-hour sessions a week at the family home, the mother present.',
      },
      events: ['RegisterInformationReceivedFromProvider'],
    },
  },
  RecordRegisterSupportOffer: {
    offer: {
      summary: 'The family asked for help with exams; the council offered it (s.436G)',
      value: {
        askedOn: '2025-12-03',
        offeredOn: '2025-12-05',
        support: 'Details of GCSE exam centres taking private candidates and the SEN advice line.',
      },
      events: ['RegisterSupportOffered'],
    },
  },
  RecordRegisterDisclosure: {
    socialCare: {
      summary: 'Register information disclosed to children’s social care, with its purpose (s.436F)',
      value: {
        disclosedOn: '2026-01-08',
        recipient: { name: 'Southampton Children’s Services MASH', kind: 'childrens_social_care' },
        purpose: 'A strategy discussion: whether the child is receiving education and is safe.',
        information: 'Name, date of birth, address, parents and the hours of education recorded.',
      },
      events: ['RegisterInformationDisclosed'],
    },
  },
};
