import type { z } from 'zod';
import { createCodec, type Upcasters } from '../codec.js';
import {
  eheEvents,
  type SchoolAttendanceOrderAmended,
  type SchoolAttendanceOrderAmendedV1,
  type SchoolAttendanceOrderRevoked,
  type SchoolAttendanceOrderRevokedV1,
} from './events.js';

/** How older stored versions of EHE events are lifted to the current one; see `createCodec`. */
export const eheUpcasters: Upcasters<typeof eheEvents> = {
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
};

/** Writes EHE events with their schema version and reads them back, upcast, through their schemas. */
export const eheCodec = createCodec(eheEvents, eheUpcasters, 'EHE');
