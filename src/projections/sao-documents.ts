import type { IsoDate } from '../domain/calendar/index.js';
import type { EheEvent } from '../domain/ehe/events.js';
import type { SaoServedDocument } from './types.js';

/**
 * The School Attendance Order documents of the case's current route, one row per service on a parent, as the
 * case summary shows them (issue 14 item 9): who was served, how, when it was posted and by which class, the
 * day it counts as served and why (Interpretation Act 1978 s.7: "deemed to be effected … at the time at which
 * the letter would be delivered in the ordinary course of post", "unless the contrary is proved"), and the last
 * day of the period the notice printed (s.437(2), s.438). An amended order is shown on the day of amendment:
 * no service of it is recorded (docs/law/sao-route.md, item 6 ambiguity 2).
 */

type Served = Extract<
  EheEvent,
  { type: 'Section437NoticeServed' | 'Section438NoticeServed' | 'SchoolAttendanceOrderServed' }
>;

const kindOf = {
  Section437NoticeServed: 'section437Notice',
  Section438NoticeServed: 'section438Notice',
  SchoolAttendanceOrderServed: 'order',
} as const;

function periodEndOf(event: Served): IsoDate | undefined {
  switch (event.type) {
    case 'Section437NoticeServed':
      return event.data.periodEndsOn;
    case 'Section438NoticeServed':
      return event.data.choiceEndsOn;
    case 'SchoolAttendanceOrderServed':
      return undefined;
  }
}

function servedDocument(event: Served): SaoServedDocument {
  const { data } = event;
  const documentId = 'orderId' in data ? data.orderId : data.noticeId;
  const { service } = data;
  const periodEndsOn = periodEndOf(event);
  return {
    document: kindOf[event.type],
    documentId,
    parentId: data.parentId,
    issuedOn: data.issuedOn,
    method: data.serviceMethod,
    ...(service?.method === 'post' && { postedOn: service.postedOn, postClass: service.postClass }),
    ...(service?.method === 'email' && { sentOn: service.sentOn }),
    servedOn: data.servedOn,
    servedOnBasis: data.servedOnBasis,
    ...(service?.method === 'post' &&
      service.actualReceipt &&
      data.servedOnBasis === 'actual_receipt_proved' && { receiptEvidence: service.actualReceipt.evidence }),
    ...(periodEndsOn !== undefined && { periodEndsOn }),
    legalBasis: data.legalBasis,
  };
}

/** The rows after the event: a new s.437(1) notice (not a second parent's service) starts a new route. */
export function evolveSaoDocuments(
  documents: readonly SaoServedDocument[] | undefined,
  event: EheEvent,
): readonly SaoServedDocument[] | undefined {
  switch (event.type) {
    case 'Section437NoticeServed':
      if (!event.data.additionalService) return [servedDocument(event)];
      return [...(documents ?? []), servedDocument(event)];
    case 'Section438NoticeServed':
    case 'SchoolAttendanceOrderServed':
      return [...(documents ?? []), servedDocument(event)];
    case 'SchoolAttendanceOrderAmended':
      return [
        ...(documents ?? []),
        {
          document: 'amendedOrder',
          documentId: null,
          parentId: null,
          issuedOn: event.data.amendedOn,
          amendedOn: event.data.amendedOn,
          initiatedBy: event.data.initiatedBy,
          legalBasis: event.data.legalBasis,
        },
      ];
    default:
      return documents;
  }
}
