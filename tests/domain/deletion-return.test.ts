import { describe, expect, it } from 'vitest';
import {
  deletionReturnCodec,
  deletionReturnOutcome,
  deletionReturnReceived,
  deletionReturnStreamOf,
  referralForDeletionReturn,
  type SchoolDeletionReturn,
  SchoolDeletionReturnSchema,
} from '../../src/domain/deletion-return.js';

const returnId = '5d0c1b9e-7a43-4f2e-9c61-0b8e2f4a7d35';
const caseId = 'c720c2bd-aad3-5fa2-95d0-9d7bd30a4e40';
const address = { lines: ['21 Mill Lane'], town: 'Eastmere', postcode: 'SO16 4TR' };

/** A return as the school's portal sends it, read by its schema (defaults filled in). */
const sent = (fields: Record<string, unknown> = {}): SchoolDeletionReturn =>
  SchoolDeletionReturnSchema.parse({
    school: { name: 'Eastmere Park Academy', urn: '900412' },
    pupil: { givenName: 'Leo', familyName: 'Harding', dateOfBirth: '2013-03-18', sex: 'M', address },
    deletedOn: '2025-11-14',
    ground: 'moved_away',
    ...fields,
  });

describe('a deletion return', () => {
  it("opens an EHE case on the parent's written notice of home education", () => {
    expect(deletionReturnOutcome(sent({ ground: 'parent_notice_home_education' }))).toBe('ehe_case_opened');
  });

  it('opens a CME case when the pupil left for nowhere known', () => {
    expect(deletionReturnOutcome(sent({ ground: 'moved_away' }))).toBe('cme_case_opened');
  });

  it('is only recorded when the pupil moved to a named school', () => {
    const moved = sent({
      ground: 'registered_at_another_school',
      destinationSchool: { name: 'Cantell School' },
    });
    expect(deletionReturnOutcome(moved)).toBe('recorded');
  });

  it.each(['permanently_excluded', 'ceased_compulsory_school_age', 'died'])(
    'is only recorded on the ground %s, whatever the destination',
    (ground) => {
      expect(deletionReturnOutcome(sent({ ground }))).toBe('recorded');
    },
  );

  it('refers the child for EHE from the date the notice gives, keeping what the school reported', () => {
    const notice = sent({ ground: 'parent_notice_home_education', homeEducationFrom: '2025-11-17' });
    const referral = referralForDeletionReturn(notice, caseId, undefined);
    expect(referral).toMatchObject({
      caseType: 'ehe',
      command: {
        type: 'ReceiveEheReferral',
        data: {
          caseId,
          receivedOn: '2025-11-14',
          source: 'deletion_return',
          deletionReturn: { ground: 'parent_notice_home_education', deletedOn: '2025-11-14' },
          schoolLeft: { name: 'Eastmere Park Academy' },
          previousSchoolType: 'other_or_unknown',
          eheStartDate: '2025-11-17',
        },
      },
    });
  });

  it('starts home education on the deletion date when the notice gives none', () => {
    const referral = referralForDeletionReturn(
      sent({ ground: 'parent_notice_home_education' }),
      caseId,
      undefined,
    );
    expect(referral.command.data).toMatchObject({ eheStartDate: '2025-11-14' });
  });

  it('refers a child missing education saying what the school knows, with any possible duplicates', () => {
    const referral = referralForDeletionReturn(sent({ groundDetail: 'Family left the flat' }), caseId, [
      returnId,
    ]);
    expect(referral).toMatchObject({
      caseType: 'cme',
      command: {
        type: 'ReceiveCmeReferral',
        data: {
          source: 'deletion_return_no_destination',
          referrer: 'Eastmere Park Academy',
          whatIsKnown:
            'Deleted from roll of Eastmere Park Academy on 2025-11-14 (moved away): Family left the flat; destination unknown.',
          primaryReason: { code: 'whereabouts_unknown' },
          missingSince: '2025-11-14',
          lastSchool: { name: 'Eastmere Park Academy', urn: '900412' },
          possibleDuplicateOf: [returnId],
        },
      },
    });
  });

  it('is recorded in its own stream, with what it led to', () => {
    const received = deletionReturnReceived(sent(), returnId, 'cme_case_opened', caseId);
    expect(deletionReturnStreamOf(returnId)).toBe(`deletionreturn-${returnId}`);
    expect(received.data).toMatchObject({ returnId, outcome: 'cme_case_opened', caseId });
    expect(deletionReturnCodec.encode(received)).toMatchObject({
      type: 'DeletionReturnReceived',
      schemaVersion: 1,
    });
  });

  it('names no case when it opened none', () => {
    expect(deletionReturnReceived(sent(), returnId, 'recorded', undefined).data).not.toHaveProperty('caseId');
  });

  it('is never recorded with data its schema refuses', () => {
    const received = deletionReturnReceived(sent(), 'not-a-uuid', 'recorded', undefined);
    expect(() => deletionReturnCodec.encode(received)).toThrow(
      expect.objectContaining({ code: 'invalid_event' }),
    );
  });
});
