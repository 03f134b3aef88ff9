/**
 * Every code a DomainError can carry, grouped by its kind. The kind is chosen where the error is thrown
 * (`fail.invalid(...)`, `fail.conflict(...)`, `fail.notFound(...)`, `new DomainError('internal', ...)`) and
 * the types hold each code to its group, so a code never means two kinds; the API answers each kind with one
 * status (api/plugins/errors.ts).
 */
export const domainErrorCodes = {
  /** The command itself is wrong, whatever state the case is in: a field missing, or a value (a date, a code) wrong. */
  invalid: [
    // The body as the command's schema reads it, and fields one choice makes necessary.
    'field_required',
    'invalid_command',
    'contradictory_fields',
    // Codes from the policy's lists, and the words "other" needs.
    'invalid_reason_code',
    'invalid_school_type',
    'reason_text_required',
    // Dates: not in the future, not before the referral or the step they follow.
    'date_in_future',
    'date_before_referral',
    'date_before_previous_step',
    'service_before_issue',
    'notice_period_too_short',
    // Who a case may be opened for.
    'not_of_compulsory_school_age',
    // No longer thrown: the order now names the plan's school from the recorded plan (school_not_named_in_plan).
    'ehcp_school_required',
    // Service by post: a receipt proved "contrary" to the deemed day (Interpretation Act 1978 s.7).
    'receipt_before_posting',
    'receipt_after_deemed_service',
    // The education supervision order (s.447).
    'eso_extension_not_later',
    // s.443(1): an offence period outside the order's life (s.437(4)) or after the prosecution began.
    'offence_period_outside_order',
  ],

  /** The case's state forbids the command now: a step taken twice, out of order, or before the one it needs. */
  conflict: [
    // The case's life: referred once, open, closed, reopened.
    'case_already_exists',
    'case_closed',
    // A CME fact recorded again as it already stands; leaving a roll the child was not on (issue 15).
    'no_change',
    'not_on_roll',
    'case_not_closed',
    'still_of_compulsory_school_age',
    'return_to_school_not_recorded',
    'already_returned',
    'already_reclassified',
    // Who works the case.
    'not_allocated',
    'already_allocated',
    // Consent to remove a child from a special school the council placed them at.
    'consent_required',
    'consent_not_pending',
    // Flags, panels and EHCP reviews.
    'flags_unchanged',
    'panel_referral_pending',
    'no_panel_referral',
    'no_ehcp',
    // Visits.
    'visit_already_exists',
    'visit_not_found',
    'visit_step_out_of_order',
    // The School Attendance Order and what follows it.
    'sao_step_out_of_order',
    'sao_route_active',
    'notice_period_not_expired',
    'choice_period_expired',
    'school_not_named',
    'school_not_chosen',
    'school_not_consulted',
    'eso_not_considered',
    // A child with an EHC plan (ss.438, 440 "child without EHC plan"; s.441) and the order's amendment.
    'not_for_child_with_ehc_plan',
    'school_not_named_in_plan',
    'ehc_plan_names_no_school',
    'ehc_plan_school_unchanged',
    'ehc_plan_amendment_pending',
    'school_already_named',
    // The parents served, and their consent to service by email.
    'parent_not_on_case',
    'parent_already_on_case',
    'electronic_service_not_agreed',
    'electronic_service_consent_in_force',
    'no_electronic_service_consent',
    'notice_not_served_on_parent',
    'already_served_on_parent',
    // s.438 applications, s.439 schools, s.447 directions (issue 14 items 5 and 7).
    'school_application_pending',
    'school_permanently_excluded',
    'school_not_maintained',
    'governing_body_not_notified',
    'direction_period_running',
    'direction_application_pending',
    'school_directed_not_to_be_named',
    'no_conviction',
    'childrens_services_not_consulted',
    // The Children Not In School register's duties (EA 1996 ss.436B, 436D, 436E; issue 18).
    'register_home_visit_decided',
    'register_home_visit_not_requested',
    'register_request_exists',
    'register_request_awaiting',
    'register_request_not_awaiting',
    'response_period_running',
    'provider_request_too_soon',
    // A child missing education: enquiries, whereabouts and where the case ends.
    'enquiry_already_exists',
    'enquiry_not_found',
    'enquiry_outcome_recorded',
    'whereabouts_unknown',
    'whereabouts_known',
    'whereabouts_not_in_area',
    'whereabouts_not_other_council_area',
    'fair_access_pending',
    'date_of_birth_known',
    'fair_access_not_referred',
    'fair_access_agreed',
    'fair_access_not_agreed',
    'fair_access_place_allocated',
    'already_handed_over',
    'already_ehe',
    'destination_not_established',
  ],

  /** There is no case to act on. */
  notFound: ['case_not_found'],

  /**
   * Our own data is wrong, never the caller: an event our schemas refuse (stored, or about to be), a command
   * type no decider knows, a policy file that does not parse.
   */
  internal: [
    'invalid_event',
    'unknown_event_type',
    'unknown_schema_version',
    'unknown_command',
    'policy_invalid',
  ],
} as const;

export type DomainErrorKind = keyof typeof domainErrorCodes;
/** The codes of one kind. */
export type DomainErrorCodeOf<K extends DomainErrorKind> = (typeof domainErrorCodes)[K][number];
export type DomainErrorCode = DomainErrorCodeOf<DomainErrorKind>;

const kindOfCode = new Map<string, DomainErrorKind>(
  Object.entries(domainErrorCodes).flatMap(([kind, codes]) =>
    codes.map((code): [string, DomainErrorKind] => [code, kind as DomainErrorKind]),
  ),
);

/** The kind a code belongs to. */
export function domainErrorKindOf(code: DomainErrorCode): DomainErrorKind {
  const kind = kindOfCode.get(code);
  if (kind === undefined) throw new Error(`${code} is not a DomainError code`);
  return kind;
}
