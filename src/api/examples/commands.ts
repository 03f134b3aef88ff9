import type { CommandResult } from '../cases/command-result.js';
import { type Problem, zodFieldErrors } from '../plugins/errors.js';
import { bodySchemaOf, type CommandRoute } from '../routes/case-command-table.js';
import { cmeCommandExamples } from './cme.js';
import { eheCommandExamples } from './ehe.js';
import { type CommandExample, commandResultExample, exampleIds, problemExample } from './index.js';

/** One body example of a command route, named as the document names it. */
export interface CommandRouteExample extends CommandExample<unknown> {
  name: string;
  caseType: 'ehe' | 'cme';
}

const examplesByType: Record<
  'ehe' | 'cme',
  Partial<Record<string, Record<string, CommandExample<unknown>>>>
> = {
  ehe: eheCommandExamples,
  cme: cmeCommandExamples,
};

/** A route both case types share names its examples `ehe.<name>` and `cme.<name>`. */
export function commandRouteExamples(route: CommandRoute): CommandRouteExample[] {
  const shared = route.ehe !== undefined && route.cme !== undefined;
  const named = (caseType: 'ehe' | 'cme', command: string | undefined): CommandRouteExample[] => {
    if (command === undefined) return [];
    const examples = examplesByType[caseType][command];
    if (!examples) throw new Error(`no examples for the ${caseType.toUpperCase()} command ${command}`);
    return Object.entries(examples).map(([name, example]) => ({
      ...example,
      name: shared ? `${caseType}.${name}` : name,
      summary: shared ? `${caseType.toUpperCase()}: ${example.summary}` : example.summary,
      caseType,
    }));
  };
  return [...named('ehe', route.ehe), ...named('cme', route.cme)];
}

/** The body examples as OpenAPI's `examples` map (rendered from the body schema's `x-examples`). */
export const bodyExamplesOf = (examples: readonly CommandRouteExample[]) =>
  Object.fromEntries(examples.map(({ name, summary, value }) => [name, { summary, value }]));

/** The answer to the route's first example. */
export function commandResultExampleOf(route: CommandRoute): CommandResult {
  const [first] = commandRouteExamples(route);
  if (!first) throw new Error(`command route ${route.path} has no example`);
  const linkedCase =
    route.ehe === 'ReclassifyAsCme'
      ? { caseId: exampleIds.cmeCaseFromEhe, caseType: 'cme' as const, revision: '0' }
      : route.cme === 'RecordBecameEhe'
        ? { caseId: exampleIds.eheCaseFromCme, caseType: 'ehe' as const, revision: '0' }
        : undefined;
  return commandResultExample(first.caseType, first.events, linkedCase ? { linkedCase } : {});
}

const saoOutOfOrder = (detail: string) => ['sao_step_out_of_order', detail] as const;

/**
 * The refusal each step meets when its case's state forbids it, in the domain's own words: for most, the
 * answer to the same step sent twice (the tests send it twice); `case_closed` for the rest.
 */
const conflicts: Record<string, readonly [code: string, detail: string]> = {
  allocation: ['already_allocated', 'allocated to olive: reallocate instead'],
  reallocation: ['already_allocated', 'already allocated to this officer'],
  reopening: ['case_not_closed', 'only a closed case can be reopened'],
  'consent-requests': ['consent_not_pending', 'consent is requested'],
  'consent-grants': ['consent_not_pending', 'consent is given'],
  'consent-refusals': ['consent_not_pending', 'consent is refused'],
  contacts: ['not_allocated', 'allocate the case to an officer first'],
  visits: ['visit_already_exists', 'visit visit-1 exists'],
  'visits/acceptances': ['visit_step_out_of_order', 'the visit was already accepted'],
  'visits/held': ['visit_step_out_of_order', 'the visit was already held'],
  'visits/declined': ['visit_step_out_of_order', 'the visit was already declined'],
  'informal-enquiries': [
    'consent_required',
    'the child was placed at a special school by the council: decide consent first',
  ],
  evidence: ['not_allocated', 'the case is allocated to another officer'],
  assessments: ['not_allocated', 'the case is allocated to another officer'],
  'priority-flags': ['flags_unchanged', 'the flags are already these'],
  'ehcp-reviews': ['no_ehcp', 'the child has no EHCP to review'],
  'ehc-plan-schools': ['ehc_plan_school_unchanged', 'the plan already names this school'],
  'ehc-plan-amendment-requests': [
    'ehc_plan_amendment_pending',
    'an amendment of the plan was requested on 2026-02-03: record the school it names',
  ],
  'panel-referrals': ['panel_referral_pending', 'the case already awaits the children_not_in_school panel'],
  'panel-decisions': ['no_panel_referral', 'the case was not referred to the children_not_in_school panel'],
  'return-to-school': ['already_returned', 'the return to school is already recorded'],
  reclassification: [
    'already_reclassified',
    `the child's CME case ${exampleIds.cmeCaseFromEhe} was opened from this case`,
  ],
  parents: ['parent_already_on_case', 'parent-2 is already a parent or carer of this case'],
  'parents/electronic-service-consents': [
    'electronic_service_consent_in_force',
    'parent-1 agreed on 2025-11-19 to receive notices by email at jo.walker@example.org: withdraw it first',
  ],
  'parents/electronic-service-consent-withdrawals': [
    'no_electronic_service_consent',
    'parent-1 has no consent to service by email in force',
  ],
  'register/home-visit-decisions': ['register_home_visit_decided', 'decided on 2025-11-24'],
  'register/home-visit-answers': ['register_home_visit_not_requested', 'already refused'],
  'register/parent-information-requests': [
    'register_request_exists',
    'request register-request-1 is already recorded',
  ],
  'register/parent-information': ['register_request_not_awaiting', 'request register-request-1 is answered'],
  'register/parent-information-failures': [
    'register_request_not_awaiting',
    'request register-request-1 is not provided',
  ],
  'register/provider-information-requests': [
    'register_request_exists',
    'request provider-request-1 is already recorded',
  ],
  'register/provider-information': [
    'register_request_not_awaiting',
    'request provider-request-1 is not awaiting an answer',
  ],
  'sao/section-437-notices': [
    'already_served_on_parent',
    'the s.437(1) notice was already served on parent-1',
  ],
  'sao/section-437-responses': saoOutOfOrder('judging the response cannot follow not satisfied'),
  'sao/expediency-decisions': saoOutOfOrder('the expediency decision cannot follow expedient'),
  'sao/school-consultations': saoOutOfOrder('consulting a school cannot follow not satisfied'),
  'sao/section-438-notices': [
    'already_served_on_parent',
    'the s.438 notice of intention was already served on parent-1',
  ],
  'sao/parent-choices': saoOutOfOrder("the parent's choice cannot follow school chosen"),
  'sao/orders': ['already_served_on_parent', 'the order was already served on parent-1'],
  'sao/amendments': ['school_already_named', 'the order already names Weston Lane School'],
  'sao/revocation-requests': saoOutOfOrder('a revocation request is already pending'),
  'sao/revocations': saoOutOfOrder('no School Attendance Order is in force'),
  'sao/revocation-refusals': saoOutOfOrder('no revocation request is pending'),
  'sao/secretary-of-state-referrals': saoOutOfOrder('only a refused revocation can be referred'),
  'sao/secretary-of-state-directions': saoOutOfOrder('no School Attendance Order is in force'),
  'sao/compliance': saoOutOfOrder('compliance is already recorded'),
  'sao/eso-considerations': saoOutOfOrder('the order has been complied with'),
  'sao/prosecutions': saoOutOfOrder('a prosecution is under way'),
  'sao/prosecution-outcomes': saoOutOfOrder('no prosecution awaits an outcome'),
  'sao/eso-directions': saoOutOfOrder('a direction already awaits an answer'),
  'sao/eso-direction-answers': saoOutOfOrder('no court direction awaits an answer'),
  'sao/governing-body-direction-applications': saoOutOfOrder(
    'the governing body of Weston Lane School has already applied for a direction',
  ),
  'sao/school-directions': saoOutOfOrder(
    'no application by the governing body of Weston Lane School awaits a direction',
  ),
  'sao/school-application-decisions': saoOutOfOrder("the school's decision cannot follow school chosen"),
  'sao/named-school-informed': saoOutOfOrder('the named school has already been informed'),
  'sao/eso-applications': saoOutOfOrder('an ESO application or order is already under way'),
  'sao/eso-decisions': saoOutOfOrder('no ESO application awaits a decision'),
  'sao/eso-discharges': saoOutOfOrder('no ESO is in force to discharge'),
  enquiries: ['enquiry_already_exists', 'enquiry enquiry-health-1 is already recorded'],
  'enquiry-outcomes': ['enquiry_outcome_recorded', 'enquiry enquiry-health-1 already has its outcome'],
  'risk-assessments': ['wrong_case_type', 'this is a EHE case: risk-assessments does not apply'],
  location: ['not_allocated', 'allocate the case to an officer first'],
  'school-place-applications': [
    'whereabouts_not_in_area',
    'a school place application needs the child found in area',
  ],
  'fair-access-referrals': ['fair_access_pending', 'a Fair Access referral is already waiting for a place'],
  'fair-access-agreements': ['fair_access_agreed', 'agreed to be considered on 2025-12-04'],
  'fair-access-places': ['fair_access_place_allocated', 'a place was allocated on 2025-12-09'],
  'estimated-date-of-birth': ['date_of_birth_known', 'the date of birth is known: 2014-05-01'],
  'hand-over': ['already_handed_over', 'handed to Portsmouth City Council'],
  'became-ehe': ['already_ehe', `EHE case ${exampleIds.eheCaseFromCme} was recorded`],
  'untraced-reviews': ['whereabouts_known', 'the child has been found: nothing to review'],
  'primary-reason': ['no_change', 'the primary reason is already awaiting_school_place'],
  'missing-since': ['no_change', 'missingSince is already 2025-10-31'],
  'left-roll': ['not_on_roll', 'the child is not recorded as still on a school roll'],
};

const NOT_A_DATE = '18/11/2025';
const FUTURE_DAY = '2027-01-04';
const BEFORE_REFERRAL = '2025-09-03';

/** One field of a route's first example given a wrong value, and the problem the server answers. */
export interface FieldProblem {
  field: string;
  value: string;
  problem: Problem;
}

/** The first date (or instant) in a body. */
function firstDateField(value: unknown): { field: string; instant: boolean } | undefined {
  for (const [field, item] of Object.entries(value as Record<string, unknown>)) {
    if (typeof item === 'string' && /^\d{4}-\d{2}-\d{2}/.test(item))
      return { field, instant: item.length > 10 };
  }
  return undefined;
}

/** The 400 and 422 a command route answers when one field of its first example is wrong. */
export function commandFieldProblems(
  route: CommandRoute,
  instance: string,
): { 400: FieldProblem; 422?: FieldProblem } {
  const [first] = commandRouteExamples(route);
  const date = firstDateField(first?.value ?? {});
  const field = date?.field ?? 'level';
  // The route's own schema says what is wrong, reported as the server's validation reports it.
  const parsed = bodySchemaOf(route).safeParse({ ...(first?.value as object), [field]: NOT_A_DATE });
  const errors = zodFieldErrors('body', parsed.error?.issues ?? []);
  const [error] = errors;
  if (!error) throw new Error(`the body of ${route.path} accepts ${field}: ${NOT_A_DATE}`);
  const problems: { 400: FieldProblem; 422?: FieldProblem } = {
    400: {
      field,
      value: NOT_A_DATE,
      problem: problemExample(400, instance, 'validation_failed', `${error.path}: ${error.message}`, {
        errors,
      }),
    },
  };
  if (!date) return problems;
  // A school start date may lie ahead (a place for Monday), but not before the referral.
  const [value, code, detail] =
    route.path === 'return-to-school'
      ? [BEFORE_REFERRAL, 'date_before_referral', `${field} ${BEFORE_REFERRAL} is before the referral`]
      : date.instant
        ? [`${FUTURE_DAY}T09:00:00Z`, 'date_in_future', `${field} ${FUTURE_DAY}T09:00:00Z is after now`]
        : [FUTURE_DAY, 'date_in_future', `${field} ${FUTURE_DAY} is after today`];
  problems[422] = {
    field,
    value,
    problem: problemExample(422, instance, code, detail, {
      errors: [{ path: `body.${field}`, message: detail }],
    }),
  };
  return problems;
}

/** The 400, 409 and 422 problems of a command route, each as the server writes it for this route. */
export function commandProblemExamples(route: CommandRoute, instance: string): Record<number, Problem> {
  const { 400: invalid, 422: unprocessable } = commandFieldProblems(route, instance);
  const [code, detail] = conflicts[route.path] ?? ['case_closed', 'the case is closed: reopen it first'];
  const problems: Record<number, Problem> = {
    400: invalid.problem,
    409: problemExample(409, instance, code, detail),
  };
  if (unprocessable) problems[422] = unprocessable.problem;
  return problems;
}
