/** An EHE referral: the child, the family and the school left, made up for a case. */

import type { IsoDate } from '../domain/calendar/index.js';
import { addCalendarDays } from '../domain/calendar/index.js';
import type { EheCommand } from '../domain/ehe/index.js';
import type { PriorityFlag } from '../domain/policy.js';
import type { School } from './people.js';
import {
  address,
  birthDateFor,
  ETHNICITIES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  OTHER_COUNCILS,
  school,
  upn,
} from './people.js';
import type { Rng } from './random.js';
import type { Actor } from './team.js';
import { councilTeam, PORTAL } from './team.js';

export const PRIMARY_REASONS: (readonly [string, number])[] = [
  ['mental_health', 24],
  ['did_not_get_school_preference', 11],
  ['difficulty_accessing_suitable_place', 4],
  ['school_dissatisfaction_general', 9],
  ['school_dissatisfaction_send', 7],
  ['school_dissatisfaction_bullying', 5],
  ['philosophical_or_preferential', 8],
  ['lifestyle', 5],
  ['physical_health', 3],
  ['religious', 2],
  ['risk_of_exclusion', 3],
  ['permanent_exclusion', 1],
  ['school_suggestion', 2],
  ['other', 3],
  ['no_reason_given', 9],
  ['unknown', 3],
];

export const EHE_SOURCES = [
  ['deletion_return', 74],
  ['parent', 11],
  ['another_council', 5],
  ['health', 3],
  ['social_care', 4],
  ['other', 3],
] as const;

export interface EheSeedCase {
  index: number;
  receivedOn: IsoDate;
  group: number;
  /** Opened from a CME case whose child was found home educated. */
  fromCme?: {
    cmeCaseId: string;
    caseId: string;
    child: { givenName: string; familyName: string; dateOfBirth?: IsoDate | undefined };
  };
}

/** A case's referral: the command that receives it, who sends it, and what the rest of the story needs. */
export interface EheReferral {
  command: EheCommand;
  actor: Actor;
  dob: IsoDate;
  group: number;
  phase: 'primary' | 'secondary';
  left: School;
  reason: string;
  familyName: string;
}

/**
 * Makes up the referral received on `spec.receivedOn`. It draws from `rng` in the order the story always has,
 * and awaits nothing, so the case's appends interleave with other cases' exactly as before.
 */
export function eheReferral(rng: Rng, spec: EheSeedCase, caseId: string): EheReferral {
  const t0 = spec.receivedOn;
  const dob = spec.fromCme?.child.dateOfBirth ?? birthDateFor(rng, spec.group, t0);
  const group = spec.group;
  const phase = group >= 7 ? 'secondary' : 'primary';
  const senStatus = rng.weighted([
    ['N', 73],
    ['K', 22],
    ['E', 5],
  ] as const);
  const placedByCouncil = senStatus === 'E' && rng.chance(0.15);
  const source = spec.fromCme ? 'cme_case' : rng.weighted(EHE_SOURCES);
  const previousSchoolType = placedByCouncil
    ? 'special'
    : rng.weighted([
        ['academy', group >= 7 ? 50 : 30],
        ['la_maintained', group >= 7 ? 22 : 45],
        ['free_school', 4],
        ['independent', 4],
        ['special', senStatus === 'E' ? 20 : 1],
        ['alternative_provision', group >= 7 ? 3 : 0.5],
        ['pupil_referral_unit', group >= 7 ? 2 : 0.3],
        ['not_previously_in_school', group <= 1 ? 20 : 2],
        ['other_or_unknown', 4],
      ] as const);
  const left =
    previousSchoolType === 'special'
      ? school(rng, 'special')
      : previousSchoolType === 'pupil_referral_unit'
        ? school(rng, 'pru')
        : school(rng, phase);
  const reason = rng.weighted(PRIMARY_REASONS);
  const flags: PriorityFlag[] = [];
  if (rng.chance(0.03)) flags.push('child_protection_plan');
  else if (rng.chance(0.06)) flags.push('child_in_need_plan');
  if (group >= 8 && rng.chance(0.02)) flags.push('youth_justice');
  const familyName = spec.fromCme?.child.familyName ?? rng.pick(FAMILY_NAMES);
  const eheStartDate = addCalendarDays(t0, -rng.int(0, 10));
  const home = address(rng);
  const parent = `${rng.pick(GIVEN_NAMES)} ${familyName}`;
  const sourceDetail =
    source === 'another_council'
      ? rng.pick(OTHER_COUNCILS)
      : source === 'other'
        ? 'Community group'
        : undefined;
  const birthYear = Number(dob.slice(0, 4));
  const command: EheCommand = {
    type: 'ReceiveEheReferral',
    data: {
      caseId,
      receivedOn: t0,
      source,
      ...(sourceDetail ? { sourceDetail } : {}),
      ...(source === 'deletion_return'
        ? {
            deletionReturn: {
              school: left,
              deletedOn: eheStartDate,
              ground: 'Parent has informed the school in writing of home education',
            },
          }
        : {}),
      ...(spec.fromCme ? { cmeCaseId: spec.fromCme.cmeCaseId } : {}),
      child: {
        givenName: spec.fromCme?.child.givenName ?? rng.pick(GIVEN_NAMES),
        familyName,
        dateOfBirth: dob,
        sex: rng.weighted([
          ['F', 49],
          ['M', 49],
          ['U', 2],
        ] as const),
        ...(rng.chance(0.85) ? { upn: upn(rng, birthYear) } : {}),
        senStatus,
        address: home,
        ...(rng.chance(0.7) ? { ethnicity: rng.pick(ETHNICITIES) } : {}),
      },
      parentsCarers: [
        {
          name: parent,
          relationship: rng.pick(['mother', 'father', 'carer']),
          livesWithChild: true,
          phone: `023 80${rng.int(10, 99)} ${rng.int(1000, 9999)}`,
          ...(rng.chance(0.6) ? { email: `parent${rng.int(1000, 99999)}@example.org` } : {}),
        },
      ],
      ...(previousSchoolType === 'not_previously_in_school' ? {} : { schoolLeft: left }),
      previousSchoolType,
      placedAtSpecialSchoolByCouncil: placedByCouncil,
      eheStartDate,
      ...(reason === 'no_reason_given' && rng.chance(0.5)
        ? {}
        : {
            primaryReason:
              reason === 'other' ? { code: 'other', text: 'Family circumstances' } : { code: reason },
          }),
      otherReasons: rng.chance(0.2) ? [{ code: 'school_dissatisfaction_general' }] : [],
      priorityFlags: flags,
    },
  };
  const actor: Actor =
    source === 'deletion_return' ? PORTAL : { id: rng.pick(councilTeam.officers), role: 'officer' };
  return { command, actor, dob, group, phase, left, reason, familyName };
}
