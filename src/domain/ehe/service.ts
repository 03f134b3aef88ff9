import { deemedPostalDelivery, type IsoDate, nthPostalWorkingDayAfter } from '../calendar/index.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import { checkDate } from './guards.js';
import { consentInForceOn } from './parents.js';
import { requireCompulsorySchoolAge } from './sao-guards.js';
import type { EheState, ParentState, SaoDocument, SaoService, SaoState } from './state.js';
import type { Service } from './values.js';

/**
 * Service of a notice or order on one parent, and the day it counts as served: the day the periods of
 * s.437(2) ("15 days beginning with the day on which the notice is served") and s.438 run from.
 */

export interface EffectiveService {
  parentId: string;
  serviceMethod: Service['method'];
  service: Service;
  servedOn: IsoDate;
  servedOnBasis:
    | 'served_that_day'
    | 'deemed_delivery_by_post'
    | 'actual_receipt_proved'
    | 'deemed_email_next_working_day';
}

export function parentOnCase(state: EheState, parentId: string): ParentState {
  const parent = state.parents[parentId];
  if (!parent)
    fail.conflict('parent_not_on_case', `${parentId} is not a parent or carer of this case`, 'parentId');
  return parent;
}

/** The day the officer acted (handed over, left, posted, sent): not before issue, not in the future. */
function dayOfAction(service: Service): { day: IsoDate; field: string } {
  switch (service.method) {
    case 'in_person':
    case 'left_at_address':
      return { day: service.servedOn, field: 'service.servedOn' };
    case 'post':
      return { day: service.postedOn, field: 'service.postedOn' };
    case 'email':
      return { day: service.sentOn, field: 'service.sentOn' };
  }
}

/**
 * Interpretation Act 1978 s.7: service by post (EA 1996 s.572) is "deemed to be effected … at the time at
 * which the letter would be delivered in the ordinary course of post" (the 2nd or 4th working day after
 * posting, `deemedPostalDelivery`), "unless the contrary is proved": a receipt proved earlier, with its
 * evidence, is the day of service. A receipt proved later is not taken here: the notice is served again.
 */
function servedByPost(
  ctx: DecideContext,
  state: EheState,
  service: Extract<Service, { method: 'post' }>,
): Pick<EffectiveService, 'servedOn' | 'servedOnBasis'> {
  const deemed = deemedPostalDelivery(service.postedOn, service.postClass);
  const receipt = service.actualReceipt;
  if (!receipt) return { servedOn: deemed, servedOnBasis: 'deemed_delivery_by_post' };
  const field = 'service.actualReceipt.receivedOn';
  checkDate(ctx, state, receipt.receivedOn, field);
  if (receipt.receivedOn < service.postedOn)
    fail.invalid('receipt_before_posting', `the letter was posted on ${service.postedOn}`, field);
  if (receipt.receivedOn > deemed) {
    fail.invalid(
      'receipt_after_deemed_service',
      `posted ${service.postClass} class on ${service.postedOn}, it is deemed served on ${deemed}: a later receipt is not recorded here, serve the notice again`,
      field,
    );
  }
  return receipt.receivedOn < deemed
    ? { servedOn: receipt.receivedOn, servedOnBasis: 'actual_receipt_proved' }
    : { servedOn: deemed, servedOnBasis: 'deemed_delivery_by_post' };
}

/**
 * Email only while the parent's recorded consent to receive notices that way, at that address, is in force on
 * the day of sending. No statutory deemed day of service for email was found (s.572 as recalled names
 * delivery, leaving at the address and post; IA 1978 s.7 covers post only): serving on the next working day
 * after sending (Monday to Friday, not a bank holiday) is this council's local policy, not the statute's.
 */
function servedByEmail(
  parent: ParentState,
  parentId: string,
  service: Extract<Service, { method: 'email' }>,
): Pick<EffectiveService, 'servedOn' | 'servedOnBasis'> {
  const consent = consentInForceOn(parent, service.sentOn);
  if (!consent || consent.email.toLowerCase() !== service.email.toLowerCase()) {
    fail.conflict(
      'electronic_service_not_agreed',
      `${parentId} had not agreed on ${service.sentOn} to receive notices by email at ${service.email}`,
      'service.email',
    );
  }
  return {
    servedOn: nthPostalWorkingDayAfter(service.sentOn, 1),
    servedOnBasis: 'deemed_email_next_working_day',
  };
}

/** The service as recorded and the day it is effective, for a document issued on `issuedOn`. */
export function effectiveService(
  ctx: DecideContext,
  state: EheState,
  data: { issuedOn: IsoDate; parentId: string; service: Service },
): EffectiveService {
  checkDate(ctx, state, data.issuedOn, 'issuedOn');
  const parent = parentOnCase(state, data.parentId);
  const { service } = data;
  const acted = dayOfAction(service);
  checkDate(ctx, state, acted.day, acted.field);
  if (acted.day < data.issuedOn)
    fail.invalid('service_before_issue', 'a notice cannot be served before it is issued', acted.field);
  const effective =
    service.method === 'post'
      ? servedByPost(ctx, state, service)
      : service.method === 'email'
        ? servedByEmail(parent, data.parentId, service)
        : { servedOn: service.servedOn, servedOnBasis: 'served_that_day' as const };
  requireCompulsorySchoolAge(state, effective.servedOn, acted.field);
  return { parentId: data.parentId, serviceMethod: service.method, service, ...effective };
}

/**
 * The service of a document on this parent: one naming the parent, or one recorded before services named a
 * parent (a v1 event), which counts for any parent so that routes begun then can finish.
 */
export const serviceOn = (sao: SaoState, document: SaoDocument, parentId: string): SaoService | undefined =>
  sao.services.find((s) => s.document === document && s.parentId === parentId) ??
  sao.services.find((s) => s.document === document && s.parentId === null);

const documentNames: Record<SaoDocument, string> = {
  section437Notice: 'the s.437(1) notice',
  section438Notice: 'the s.438 notice of intention',
  schoolAttendanceOrder: 'the order',
};

export function requireServedOn(sao: SaoState, document: SaoDocument, parentId: string): SaoService {
  const service = serviceOn(sao, document, parentId);
  if (!service) {
    fail.conflict(
      'notice_not_served_on_parent',
      `${documentNames[document]} was not served on ${parentId}`,
      'parentId',
    );
  }
  return service;
}

/** A document is served once on each parent: a second service on the same parent is refused. */
export function requireNotYetServedOn(sao: SaoState, document: SaoDocument, parentId: string): void {
  if (sao.services.some((s) => s.document === document && s.parentId === parentId)) {
    fail.conflict(
      'already_served_on_parent',
      `${documentNames[document]} was already served on ${parentId}`,
      'parentId',
    );
  }
}
