import type { CaseworkCommandType } from '../../domain/ehe/decide-casework.js';
import { type EheStepExamples, exampleDates } from './index.js';

/** Getting to know Amelia's education: contacts, a visit, the informal enquiry and the judgement. */
export const caseworkCommandExamples: Pick<EheStepExamples, CaseworkCommandType> = {
  RecordContactAttempt: {
    contactMade: {
      summary: 'First contact by phone: stops the first-contact clock and starts the first-visit clock',
      value: {
        attemptedOn: exampleDates.firstContact,
        method: 'phone',
        outcome: 'contact_made',
        notes: "Spoke to Amelia's mother, who welcomed a home visit.",
      },
      events: ['FirstContactMade'],
    },
    noAnswer: {
      summary: 'A call that was not answered',
      value: { attemptedOn: exampleDates.allocated, method: 'phone', outcome: 'no_answer' },
      events: ['ContactAttempted'],
    },
  },
  OfferVisit: {
    offer: {
      summary: 'A home visit offered for the following week',
      value: {
        visitId: 'visit-1',
        offeredOn: exampleDates.firstContact,
        proposedFor: '2025-11-26',
        location: 'home',
      },
      events: ['VisitOffered'],
    },
  },
  RecordVisitAccepted: {
    accept: {
      summary: 'The family accepts the visit',
      value: { visitId: 'visit-1', acceptedOn: '2025-11-20' },
      events: ['VisitAccepted'],
    },
  },
  RecordVisitHeld: {
    held: {
      summary: 'The visit held, with notes: stops the first-visit clock',
      value: {
        visitId: 'visit-1',
        heldOn: '2025-11-26',
        notes:
          'Met Amelia and her mother at home. Amelia follows an online maths course and reads widely; ' +
          'there is no written plan yet.',
        outcome: 'further_information_needed',
      },
      events: ['VisitHeld'],
    },
  },
  RecordVisitDeclined: {
    declined: {
      summary: 'The family declines the visit and offers a written report instead',
      value: {
        visitId: 'visit-1',
        declinedOn: '2025-11-21',
        reason: "Mother prefers to send a written report of Amelia's education.",
      },
      events: ['VisitDeclined'],
    },
  },
  SendInformalEnquiry: {
    letter: {
      summary: 'An informal enquiry by letter: starts the informal enquiry clock',
      value: {
        sentOn: '2025-11-27',
        method: 'letter',
        notes:
          "Asked for a description of Amelia's education and samples of her work within 20 working days.",
      },
      events: ['InformalEnquirySent'],
    },
  },
  RecordEvidence: {
    report: {
      summary: "The parent's written report received",
      value: {
        receivedOn: '2025-12-08',
        kind: 'report',
        description: 'A written report: daily maths and English, a weekly science club and a reading list.',
      },
      events: ['EvidenceReceived'],
    },
  },
  JudgeSuitability: {
    suitable: {
      summary: 'Education judged suitable: the case moves to monitoring and the annual contact clock starts',
      value: {
        judgedOn: '2025-12-10',
        outcome: 'suitable',
        rationale:
          "The report and work samples show efficient full-time education suited to Amelia's age and ability.",
      },
      events: ['SuitabilityJudged'],
    },
    appearsUnsuitable: {
      summary: 'Education appears unsuitable: the parents gave no information (leads to the s437(1) notice)',
      value: {
        judgedOn: '2026-01-12',
        outcome: 'appears_unsuitable',
        rationale: "No information about Amelia's education was given despite the enquiry and two reminders.",
        informationRefused: true,
      },
      events: ['SuitabilityJudged'],
    },
  },
  RecordEhcpAnnualReview: {
    review: {
      summary: "The EHCP's annual review held: restarts the review clock",
      value: {
        heldOn: '2026-03-12',
        notes: 'Held with the SEND team; the plan continues with home education.',
      },
      events: ['EhcpAnnualReviewHeld'],
    },
  },
  RecordSenSupport: {
    senSupport: {
      summary: 'The SEND team reports that the child now has SEN support (K), from the start of December',
      value: {
        changedOn: '2025-12-01',
        senStatus: 'K',
        notes: 'Speech and language support agreed with the SEND team.',
      },
      events: ['SenSupportRecorded'],
    },
  },
};
