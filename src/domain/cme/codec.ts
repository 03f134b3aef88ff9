import type { z } from 'zod';
import { createCodec, type Upcasters } from '../codec.js';
import { type CmeReferralReceivedV1, cmeEvents } from './events.js';
import { reasonNotRecorded } from './values.js';

/**
 * A v1 referral asked none of what v2 records, and nothing is invented for it: the reason reads as not
 * recorded, the date missing since as unknown, the roll status as not recorded (so the return counts the
 * child as it did), no parents; the length of time the referrer gave stays, as the length at referral.
 */
function referralBeforeV2(data: unknown): unknown {
  const { timeMissing, ...rest } = data as z.output<typeof CmeReferralReceivedV1>;
  return {
    ...rest,
    parentsCarers: [],
    primaryReason: { code: reasonNotRecorded },
    missingSince: null,
    timeMissingAtReferral: timeMissing,
    rollStatus: 'not_recorded',
  };
}

/** How older stored versions of CME events are lifted to the current one; see `createCodec`. */
export const cmeUpcasters: Upcasters<typeof cmeEvents> = {
  CmeReferralReceived: { 1: referralBeforeV2 },
};

/** Writes CME events with their schema version and reads them back, upcast, through their schemas. */
export const cmeCodec = createCodec(cmeEvents, cmeUpcasters, 'CME');
