import { describe, expect, it } from 'vitest';
import { deletionGrounds } from '../../src/domain/deletion-grounds.js';
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
    ground: 'g_no_longer_lives_within_reasonable_distance',
    ...fields,
  });

describe('a deletion return routes by its reg 9(1) ground (2024 Regulations)', () => {
  // Every ground, with no destination school: (f) is home education, (g)–(i) leave the child untraced.
  it.each([
    ['a_registered_at_another_school', 'recorded'],
    ['b_nursery_not_continuing', 'recorded'],
    ['c_registered_at_other_schools_deletion_agreed', 'recorded'],
    ['d_school_attendance_order_amended', 'recorded'],
    ['e_school_attendance_order_revoked', 'recorded'],
    ['f_parent_notice_education_otherwise', 'ehe_case_opened'],
    ['g_no_longer_lives_within_reasonable_distance', 'cme_case_opened'],
    ['h_not_returned_after_leave_of_absence', 'cme_case_opened'],
    ['i_continuous_absence_twenty_school_days', 'cme_case_opened'],
    ['j_detained', 'recorded'],
    ['k_died', 'recorded'],
    ['l_ceasing_compulsory_school_age', 'recorded'],
    ['m_boarding_fees_unpaid', 'recorded'],
    ['n_ceased_at_independent_or_non_maintained_special_school', 'recorded'],
    ['o_permanently_excluded', 'recorded'],
  ] as const)('%s without a destination: %s', (ground, outcome) => {
    expect(Object.keys(deletionGrounds)).toContain(ground);
    expect(deletionReturnOutcome(sent({ ground }))).toBe(outcome);
  });

  it('lists exactly the fifteen grounds (a) to (o), each with its regulation and wording', () => {
    const letters = Object.values(deletionGrounds).map((ground) => ground.regulation);
    expect(letters).toEqual([...'abcdefghijklmno'].map((letter) => `reg 9(1)(${letter})`));
  });

  it.each([
    'g_no_longer_lives_within_reasonable_distance',
    'h_not_returned_after_leave_of_absence',
    'i_continuous_absence_twenty_school_days',
  ] as const)('%s with a named destination school is recorded only', (ground) => {
    expect(deletionReturnOutcome(sent({ ground, destinationSchool: { name: 'Cantell School' } }))).toBe(
      'recorded',
    );
  });

  it('refuses free text, and the stored-only legacy ground, as a ground', () => {
    for (const ground of ['moved_away', 'unspecified_legacy', 'the family moved'])
      expect(SchoolDeletionReturnSchema.safeParse({ ...sent(), ground }).success).toBe(false);
  });

  it('needs the address and an emergency telephone number of each parent the pupil lives with (reg 13(4)(c)-(d))', () => {
    const parent = { name: 'Sara Harding', relationship: 'mother', livesWithChild: true };
    const refused = SchoolDeletionReturnSchema.safeParse({ ...sent(), parentsCarers: [parent] });
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'parentsCarers.0.phone',
      'parentsCarers.0.address',
    ]);
    const elsewhere = { ...parent, name: 'Tom Harding', relationship: 'father', livesWithChild: false };
    expect(SchoolDeletionReturnSchema.safeParse({ ...sent(), parentsCarers: [elsewhere] }).success).toBe(
      true,
    );
  });

  it('asks for consent first when the council placed the pupil at a special school', () => {
    const notice = sent({
      ground: 'f_parent_notice_education_otherwise',
      placedAtSpecialSchoolByCouncil: true,
    });
    expect(referralForDeletionReturn(notice, caseId, undefined).command.data).toMatchObject({
      placedAtSpecialSchoolByCouncil: true,
    });
  });

  it('opens the CME case with the parents the school named, for tracing', () => {
    const parent = {
      name: 'Sara Harding',
      relationship: 'mother',
      livesWithChild: true,
      phone: '023 8062 1184',
      address,
    };
    const referral = referralForDeletionReturn(sent({ parentsCarers: [parent] }), caseId, undefined);
    expect(referral.command.data).toMatchObject({ parentsCarers: [parent] });
  });

  it('refers the child for EHE from the date the notice gives, keeping what the school reported', () => {
    const notice = sent({ ground: 'f_parent_notice_education_otherwise', homeEducationFrom: '2025-11-17' });
    const referral = referralForDeletionReturn(notice, caseId, undefined);
    expect(referral).toMatchObject({
      caseType: 'ehe',
      command: {
        type: 'ReceiveEheReferral',
        data: {
          caseId,
          receivedOn: '2025-11-14',
          source: 'deletion_return',
          deletionReturn: {
            ground: expect.stringMatching(/^reg 9\(1\)\(f\): /),
            deletedOn: '2025-11-14',
          },
          schoolLeft: { name: 'Eastmere Park Academy' },
          previousSchoolType: 'other_or_unknown',
          eheStartDate: '2025-11-17',
        },
      },
    });
  });

  it('starts home education on the deletion date when the notice gives none', () => {
    const referral = referralForDeletionReturn(
      sent({ ground: 'f_parent_notice_education_otherwise' }),
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
            'Deleted from roll of Eastmere Park Academy on 2025-11-14 (reg 9(1)(g)): Family left the flat; destination unknown.',
          primaryReason: { code: 'whereabouts_unknown' },
          missingSince: '2025-11-14',
          lastSchool: { name: 'Eastmere Park Academy', urn: '900412' },
          possibleDuplicateOf: [returnId],
        },
      },
    });
  });

  it('is recorded in its own stream, with what it led to', () => {
    const received = deletionReturnReceived(sent(), { returnId, caseId }, '2025-11-14', 'cme_case_opened');
    expect(deletionReturnStreamOf(returnId)).toBe(`deletionreturn-${returnId}`);
    expect(received.data).toMatchObject({ returnId, outcome: 'cme_case_opened', caseId });
    expect(deletionReturnCodec.encode(received)).toMatchObject({
      type: 'DeletionReturnReceived',
      schemaVersion: 2,
    });
  });

  it('names no case when it opened none', () => {
    expect(
      deletionReturnReceived(sent(), { returnId, caseId: undefined }, '2025-11-14', 'recorded').data,
    ).not.toHaveProperty('caseId');
  });

  it('is never recorded with data its schema refuses', () => {
    const received = deletionReturnReceived(
      sent(),
      { returnId: 'not-a-uuid', caseId: undefined },
      '2025-11-14',
      'recorded',
    );
    expect(() => deletionReturnCodec.encode(received)).toThrow(
      expect.objectContaining({ code: 'invalid_event' }),
    );
  });
});
