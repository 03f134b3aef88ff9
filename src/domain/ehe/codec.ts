import type { z } from 'zod';
import { createCodec, type Upcasters } from '../codec.js';
import {
  eheEvents,
  type ProsecutionStarted,
  type ProsecutionStartedV1,
  type SchoolAttendanceOrderAmended,
  type SchoolAttendanceOrderAmendedV1,
  type SchoolAttendanceOrderRevoked,
  type SchoolAttendanceOrderRevokedV1,
} from './events.js';

type Payload = Record<string, unknown>;
type Stored = Payload;
const asPayload = (data: unknown): Payload =>
  (typeof data === 'object' && data !== null ? data : {}) as Payload;

/**
 * v1 referrals held parents without ids: each gets `parent-1`, `parent-2`… by its position, the ids the
 * decider gives a v2 referral's parents, so a replay names the same parent the same way every time.
 */
function referralParentIds(data: unknown): unknown {
  const payload = asPayload(data);
  if (!Array.isArray(payload.parentsCarers)) return payload;
  const parentsCarers = payload.parentsCarers.map((parent: unknown, index) => ({
    ...asPayload(parent),
    parentId: `parent-${index + 1}`,
  }));
  return { ...payload, parentsCarers };
}

/**
 * A v1 service typed its `servedOn` and named no parent and no document id. Its meaning is kept: the date as
 * recorded (never recomputed from a posting date it did not record), a service on no named parent (which
 * the s.443(1) check counts for any parent), the first service of its document.
 */
const servedBeforeV2 = (idField: 'noticeId' | 'orderId') => (data: unknown) => ({
  ...asPayload(data),
  [idField]: null,
  parentId: null,
  additionalService: false,
  service: null,
  servedOnBasis: 'recorded_as_entered',
});

/** How older stored versions of EHE events are lifted to the current one; see `createCodec`. */
export const eheUpcasters: Upcasters<typeof eheEvents> = {
  EheReferralReceived: { 1: referralParentIds },
  Section437NoticeServed: { 1: servedBeforeV2('noticeId') },
  Section438NoticeServed: { 1: servedBeforeV2('noticeId') },
  SchoolAttendanceOrderServed: { 1: servedBeforeV2('orderId') },
  SchoolAttendanceOrderAmended: {
    // v1 knew only the s.440 amendment at the parent's request, and recorded no application or offer.
    1: (data): z.input<typeof SchoolAttendanceOrderAmended> => {
      const { requestedOn, ...rest } = data as z.output<typeof SchoolAttendanceOrderAmendedV1>;
      return {
        ...rest,
        initiatedBy: 'parent_request',
        parentRequest: { requestedOn, appliedOn: null, offeredOn: null },
      };
    },
  },
  SchoolAttendanceOrderRevoked: {
    // v1 revoked only on a pending request: the parent's request granted.
    1: (data): z.input<typeof SchoolAttendanceOrderRevoked> => ({
      ...(data as z.output<typeof SchoolAttendanceOrderRevokedV1>),
      ground: 'parent_request_granted',
    }),
  },
  // v1 did not ask whether the school was maintained (unknown: no governing-body window is required of it)
  // or excluded the child (no exclusion was recorded).
  SchoolConsulted: {
    1: (data) => ({ ...(data as Stored), maintained: null, childPermanentlyExcluded: false }),
  },
  // v1's `place_offered_elsewhere` recorded the offer on `chosenOn`, not the application.
  SchoolChosenByParent: {
    1: (data) => {
      const { chosenOn, kind, ...rest } = data as Stored;
      if (kind === 'named_school') return data;
      return {
        ...rest,
        kind: 'application_elsewhere',
        applicationMadeOn: null,
        notifiedOn: null,
        offeredOn: chosenOn,
      };
    },
  },
  // v1 named no offence period: unknown, not invented.
  ProsecutionStarted: {
    1: (data): z.input<typeof ProsecutionStarted> => ({
      ...(data as z.output<typeof ProsecutionStartedV1>),
      offencePeriod: null,
    }),
  },
  // v1 followed any prosecution, and always ran the statute's eight weeks.
  EsoDirectionReceived: {
    1: (data) => ({ ...(data as Stored), convictedOn: null, reasonsPeriod: 'statute' }),
  },
};

/** Writes EHE events with their schema version and reads them back, upcast, through their schemas. */
export const eheCodec = createCodec(eheEvents, eheUpcasters, 'EHE');
