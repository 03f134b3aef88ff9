import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { type Override, possibleDuplicatesAmong, schoolAgeAccepted } from '../../domain/referral-checks.js';
import type { Actor } from '../plugins/auth.js';
import { HttpProblem } from '../plugins/errors.js';
import type { Projections } from '../views.js';

const CASE_ID_NAMESPACE = '6f1c2a52-3a55-4c0e-9f6b-5b8e8f2d7c11';

/**
 * A client-chosen id, or one derived from the idempotency key so that a retried create finds its case.
 * The derivation is salted by what is opened (`ehe-case`, `cme-case`, `deletion-return`) and by who asks:
 * one key sent to both referral routes opens two cases under two ids, never two case types under one, and
 * another client's key is another request, never a way to reach the first client's case.
 */
export const newCaseId = (
  given: string | undefined,
  idempotencyKey: string | undefined,
  salt: string,
  actor: Actor,
): string =>
  given ??
  (idempotencyKey
    ? uuidv5(`${salt}\u0000${actor.id}\u0000${idempotencyKey}`, CASE_ID_NAMESPACE)
    : randomUUID());

const reason = z.string().trim().min(1).max(2000);

/** What a client adds to a referral to go past a check on purpose; the reason is kept with the events. */
export const ReferralOverridesSchema = {
  deliberateNewCase: z.strictObject({ reason }).optional().meta({
    description:
      'Staff only: open a new case although an open case for the same child exists, saying why (no triage flag)',
  }),
  schoolAgeOverride: z.strictObject({ reason }).optional().meta({
    description:
      'Staff only: accept a child who is not of compulsory school age on the referral date, saying why',
  }),
};

/**
 * A referrer (a school's portal, another agency) reads nothing: it may not choose the case's id (which would
 * let it probe for other cases' ids) nor go past the council's checks.
 */
export function assertStaffOnlyFieldsAbsent(actor: Actor, body: Record<string, unknown>): void {
  if (actor.role !== 'referrer') return;
  const sent = ['caseId', 'deliberateNewCase', 'schoolAgeOverride'].filter(
    (field) => body[field] !== undefined,
  );
  if (sent.length > 0) {
    throw new HttpProblem(403, 'forbidden', `a referrer may not send ${sent.join(', ')}`, {
      errors: sent.map((field) => ({ path: `body.${field}`, message: 'staff only' })),
    });
  }
}

export interface ChildKey {
  givenName: string;
  familyName: string;
  dateOfBirth?: string | undefined;
  upn?: string | undefined;
}

/** The open cases the child index finds for this child (same UPN, or same name and date of birth). */
export function possibleDuplicatesOf(
  projections: Projections,
  child: ChildKey,
  deliberate: Override | undefined,
  ownCaseId: string,
): string[] | undefined {
  const { dateOfBirth, upn, givenName, familyName } = child;
  const found = projections.childIndex.matches({
    givenName,
    familyName,
    dateOfBirth,
    ...(upn ? { upn } : {}),
  });
  return possibleDuplicatesAmong(found, ownCaseId, deliberate);
}

/** 422 `not_of_compulsory_school_age` for an EHE child the school-age check refuses. */
export function assertSchoolAge(dateOfBirth: string, on: string, override: Override | undefined): void {
  if (schoolAgeAccepted(dateOfBirth, on, override)) return;
  throw new HttpProblem(
    422,
    'not_of_compulsory_school_age',
    `the child is not of compulsory school age on ${on}; staff may send schoolAgeOverride with a reason to refer anyway`,
    {
      errors: [
        { path: 'body.child.dateOfBirth', message: 'not of compulsory school age on the referral date' },
      ],
    },
  );
}
