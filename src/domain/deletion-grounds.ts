import { z } from 'zod';

/**
 * The grounds on which a school must delete a pupil of compulsory school age from its admission register:
 * reg 9(1)(a)–(o) of the School Attendance (Pupil Registration) (England) Regulations 2024 (SI 2024/208).
 * A deletion return (reg 13(4)) names one. `wording` is the regulation's text where it could be read
 * (legislation.gov.uk/uksi/2024/208/regulation/9/made: (a)–(d) whole, (e) up to where the stored copy ends);
 * for (f)–(o) the stored copy was cut short and the wording is a council deletion form's summary of each
 * sub-paragraph (Torbay Council's school register deletion form), marked `paraphrase_unverified` until
 * checked against the made text. The letters agree with the issue's: (f) education otherwise, (g) no longer
 * within a reasonable distance, (h) not returned after leave of absence, (i) 20 school days' absence.
 */
export const deletionGrounds = {
  a_registered_at_another_school: {
    regulation: 'reg 9(1)(a)',
    wording:
      'the pupil has been registered at another school, unless (i) a school attendance order naming the school is in force in relation to the pupil; (ii) the pupil is a mobile child and the school is their main school; or (iii) the proprietor has agreed … that the pupil should be registered at more than one school',
    source: 'verbatim',
  },
  b_nursery_not_continuing: {
    regulation: 'reg 9(1)(b)',
    wording:
      'the pupil was admitted to the school for nursery education and (i) they have completed such education and would, if they continued attending the school, be transferred to a reception, or more senior, class at the school; but (ii) the proprietor does not have reasonable grounds to believe that the pupil will attend the school again',
    source: 'verbatim',
  },
  c_registered_at_other_schools_deletion_agreed: {
    regulation: 'reg 9(1)(c)',
    wording:
      'the pupil is also registered as a pupil at one or more other schools and (i) the proprietor does not have reasonable grounds to believe that the pupil will attend the school again; (ii) the proprietor of each other school where the pupil is registered has consented to the deletion; (iii) there is no school attendance order naming the school in force in relation to the pupil; and (iv) the pupil is not a mobile child or, if they are, the school is not their main school',
    source: 'verbatim',
  },
  d_school_attendance_order_amended: {
    regulation: 'reg 9(1)(d)',
    wording:
      'a school attendance order relating to the pupil and formerly naming the school has been amended by the relevant local authority to substitute the name of the school with that of another school',
    source: 'verbatim',
  },
  e_school_attendance_order_revoked: {
    regulation: 'reg 9(1)(e)',
    wording:
      'a school attendance order relating to the pupil and naming the school has been revoked by the relevant local authority on the ground that arrangements have been made for the pupil to receive suitable education [otherwise than at school]',
    source: 'verbatim_truncated',
  },
  f_parent_notice_education_otherwise: {
    regulation: 'reg 9(1)(f)',
    wording:
      'the parent of the pupil has notified the school in writing that the pupil will be leaving the school to be educated otherwise than at school',
    source: 'paraphrase_unverified',
  },
  g_no_longer_lives_within_reasonable_distance: {
    regulation: 'reg 9(1)(g)',
    wording: 'the pupil no longer normally lives a reasonable distance from the school',
    source: 'paraphrase_unverified',
  },
  h_not_returned_after_leave_of_absence: {
    regulation: 'reg 9(1)(h)',
    wording: 'the pupil has not returned to the school following a leave of absence',
    source: 'paraphrase_unverified',
  },
  i_continuous_absence_twenty_school_days: {
    regulation: 'reg 9(1)(i)',
    wording:
      'the pupil has been continuously absent from the school for 20 school days (and the school and the local authority have failed, after jointly making reasonable enquiries, to establish where the pupil is)',
    source: 'paraphrase_unverified',
  },
  j_detained: {
    regulation: 'reg 9(1)(j)',
    wording: 'the pupil is detained under a sentence of detention',
    source: 'paraphrase_unverified',
  },
  k_died: { regulation: 'reg 9(1)(k)', wording: 'the pupil has died', source: 'paraphrase_unverified' },
  l_ceasing_compulsory_school_age: {
    regulation: 'reg 9(1)(l)',
    wording: 'the pupil will cease to be of compulsory school age and will not continue into the sixth form',
    source: 'paraphrase_unverified',
  },
  m_boarding_fees_unpaid: {
    regulation: 'reg 9(1)(m)',
    wording:
      'the pupil is a boarder at a school maintained by a local authority or an academy and their boarding fees have not been paid',
    source: 'paraphrase_unverified',
  },
  n_ceased_at_independent_or_non_maintained_special_school: {
    regulation: 'reg 9(1)(n)',
    wording: 'the pupil has ceased to be a pupil at an independent school or a non-maintained special school',
    source: 'paraphrase_unverified',
  },
  o_permanently_excluded: {
    regulation: 'reg 9(1)(o)',
    wording: 'the pupil has been permanently excluded from the school',
    source: 'paraphrase_unverified',
  },
} as const satisfies Record<
  string,
  { regulation: string; wording: string; source: 'verbatim' | 'verbatim_truncated' | 'paraphrase_unverified' }
>;

export type DeletionGround = keyof typeof deletionGrounds;
const groundCodes = Object.keys(deletionGrounds) as [DeletionGround, ...DeletionGround[]];

/** What a school may send: one of reg 9(1)'s grounds, never free text. */
export const DeletionGroundSchema = z.enum(groundCodes);

/**
 * A return stored before the grounds followed reg 9(1) held the council's own words for them; it reads as
 * this, its old words kept beside it (`legacyGround`): no regulation letter is guessed for it.
 */
export const legacyGround = 'unspecified_legacy';
export const StoredDeletionGroundSchema = z.enum([...groundCodes, legacyGround]);
export type StoredDeletionGround = z.infer<typeof StoredDeletionGroundSchema>;

/**
 * Grounds whose pupil is missing education when no destination is known (CME statutory guidance: a child who
 * moved away, did not return from leave or stopped attending, with no school to go to, must be traced).
 */
export const untracedGrounds: ReadonlySet<DeletionGround> = new Set<DeletionGround>([
  'g_no_longer_lives_within_reasonable_distance',
  'h_not_returned_after_leave_of_absence',
  'i_continuous_absence_twenty_school_days',
]);

/** The ground in the regulation's words, for the record a case carries (at most 200 characters). */
export function groundText(ground: StoredDeletionGround): string {
  if (ground === legacyGround) return 'ground not recorded under reg 9(1)';
  const { regulation, wording } = deletionGrounds[ground];
  const text = `${regulation}: ${wording}`;
  return text.length <= 200 ? text : regulation;
}
