import type { ParentCommandType } from '../../domain/ehe/decide-parents.js';
import type { EheStepExamples } from './index.js';

/**
 * Amelia's parents: her mother Jo is `parent-1` from the referral; her father, who lives apart, is recorded
 * later so that notices can be served on him too (each service names the parent served).
 */
export const parentCommandExamples: Pick<EheStepExamples, ParentCommandType> = {
  RecordParentCarer: {
    nonResidentFather: {
      summary: 'A parent not known at referral: Amelia’s father, who does not live with her',
      value: {
        parentId: 'parent-2',
        recordedOn: '2025-12-03',
        parent: {
          name: 'Daniel Walker',
          relationship: 'father',
          livesWithChild: false,
          address: { lines: ['27 Priory Road', 'St Denys'], town: 'Southampton', postcode: 'SO17 2HS' },
        },
      },
      events: ['ParentCarerRecorded'],
    },
  },
  RecordElectronicServiceConsent: {
    consent: {
      summary: 'Jo agrees in writing to receive notices by email at her address',
      value: {
        parentId: 'parent-1',
        givenOn: '2025-11-19',
        email: 'jo.walker@example.org',
        evidence: 'Signed consent form returned at the first contact, scanned to the case file.',
      },
      events: ['ElectronicServiceConsentRecorded'],
    },
  },
  WithdrawElectronicServiceConsent: {
    withdraw: {
      summary: 'Jo asks for letters by post from now on',
      value: {
        parentId: 'parent-1',
        withdrawnOn: '2025-12-10',
        notes: 'Phoned to say she no longer checks that mailbox.',
      },
      events: ['ElectronicServiceConsentWithdrawn'],
    },
  },
};
