import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { isOfCompulsorySchoolAge } from '../domain/calendar/index.js';
import { HttpProblem } from './errors.js';
import type { Projections } from './views.js';

const CASE_ID_NAMESPACE = '6f1c2a52-3a55-4c0e-9f6b-5b8e8f2d7c11';

/** A client-chosen id, or one derived from the idempotency key so that a retried create finds its case. */
export const newCaseId = (
  given: string | undefined,
  idempotencyKey: string | undefined,
  salt = 'case',
): string =>
  given ?? (idempotencyKey ? uuidv5(`${salt}\u0000${idempotencyKey}`, CASE_ID_NAMESPACE) : randomUUID());

const reason = z.string().trim().min(1).max(2000);

/** What a client adds to a referral to go past a check on purpose; the reason is kept with the events. */
export const ReferralOverridesSchema = {
  deliberateNewCase: z
    .strictObject({ reason })
    .optional()
    .meta({ description: 'Open a new case although an open case for the same child exists, saying why' }),
  schoolAgeOverride: z.strictObject({ reason }).optional().meta({
    description: 'Accept a child who is not of compulsory school age on the referral date, saying why',
  }),
};

export interface ChildKey {
  givenName: string;
  familyName: string;
  dateOfBirth?: string | undefined;
  upn?: string | undefined;
}

/** 409 with the existing case's id when the child already has an open case, unless told it is deliberate. */
export function checkDuplicate(
  projections: Projections,
  child: ChildKey,
  deliberate: { reason: string } | undefined,
  /** The case this referral opens: a retried request finds its own case, which is no duplicate. */
  ownCaseId: string,
): Record<string, string> {
  if (deliberate) return { duplicateOverride: deliberate.reason };
  // Without a date of birth only the UPN could match, and the index is asked for both together.
  const { dateOfBirth, upn, givenName, familyName } = child;
  if (dateOfBirth === undefined) return {};
  const query = { givenName, familyName, dateOfBirth, ...(upn ? { upn } : {}) };
  const first = projections.childIndex
    .matches(query)
    .find((match) => match.open && match.caseId !== ownCaseId)?.caseId;
  if (first) {
    throw new HttpProblem(
      409,
      'possible_duplicate',
      'an open case for this child exists (same UPN, or same name and date of birth); send deliberateNewCase with a reason to open another',
      { existingCaseId: first },
    );
  }
  return {};
}

/** An EHE child is of compulsory school age on the referral date, unless the client overrides it with a reason. */
export function checkSchoolAge(
  dateOfBirth: string,
  on: string,
  override: { reason: string } | undefined,
): Record<string, string> {
  if (override) return { schoolAgeOverride: override.reason };
  if (!isOfCompulsorySchoolAge(dateOfBirth, on)) {
    throw new HttpProblem(
      422,
      'not_of_compulsory_school_age',
      `the child is not of compulsory school age on ${on}; send schoolAgeOverride with a reason to refer anyway`,
      {
        errors: [
          { path: 'body.child.dateOfBirth', message: 'not of compulsory school age on the referral date' },
        ],
      },
    );
  }
  return {};
}
