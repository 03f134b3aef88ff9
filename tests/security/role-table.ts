import type { Role } from '../../src/domain/roles.js';

/**
 * DOMAIN.md "Roles", written out as data for every operation of /openapi.json (`<method> <path>`): who may
 * call it. Written by hand from DOMAIN.md's words, not imported from src/domain/roles.ts, so that the code's
 * tables are checked against an independent statement of the rule. `open` operations take no token at all.
 *
 *   referrer  create a referral or a deletion return; read nothing
 *   officer   casework; read any case of their service
 *   senior    as officer, plus SAO steps, consent decisions, panel referrals
 *   manager   everything an officer can; allocate, close/reopen, reclassify, dashboards, reports, full history
 *   panel     read cases referred to their panel, record panel decisions
 *   auditor   read everything including full history and the access log; change nothing
 *   admin     configuration, queues, tokens: no case data, so no /v1 operation at all
 *
 * `/openapi.json` and `/docs` are open too, but hidden from the document, so they have no entry here.
 */
export type Access = 'open' | readonly Role[];

const casework = ['officer', 'senior', 'manager'] as const;
const statutory = ['senior', 'manager'] as const;
const management = ['manager'] as const;
const intake = ['referrer', ...casework] as const;
const caseReaders = ['officer', 'senior', 'manager', 'auditor'] as const;
const oversight = ['manager', 'auditor'] as const;
const command = (path: string) => `post /v1/cases/{caseId}/${path}`;

const commands = (access: Access, paths: readonly string[]): Record<string, Access> =>
  Object.fromEntries(paths.map((path) => [command(path), access]));

export const roleTable: Record<string, Access> = {
  'get /health/live': 'open',
  'get /health/ready': 'open',
  'get /metrics': 'open',

  // Referrals and deletion returns: the referrer's one right, and intake is casework.
  'post /v1/ehe-cases': intake,
  'post /v1/cme-cases': intake,
  'post /v1/deletion-returns': intake,
  'post /v1/new-pupil-returns': intake,
  // A school's arranged-absence pupil (s.436B(5)(b)-(c)): the school reports, changes and ends its own.
  'post /v1/arranged-absences': intake,
  'post /v1/arranged-absences/{caseId}/changes': intake,
  'post /v1/arranged-absences/{caseId}/ends': intake,

  // Reads. A panel member reads the one case referred to their panel, never a list of the service's cases.
  'get /v1/cases/{caseId}': [...caseReaders, 'panel'],
  'get /v1/cases': caseReaders,
  'get /v1/caseloads/{officerId}': caseReaders,
  'get /v1/deadlines': caseReaders,
  // "see all dashboards and reports" is the manager's, beyond what an officer can.
  'get /v1/dashboard': oversight,
  'get /v1/reports/dfe-return': oversight,
  'get /v1/reports/academic-year': oversight,
  'get /v1/reports/committee': oversight,
  'get /v1/reports/late-deletion-returns': oversight,
  // Full history is the auditor's and the manager's: DOMAIN.md gives it to no other role.
  // Full history is the auditor's and the manager's; an officer (or senior) reads the history of a case
  // allocated to them, as "work cases allocated to them" needs: the matrix gives each its own case.
  'get /v1/cases/{caseId}/events': [...oversight, 'officer', 'senior'],
  'get /v1/cases/{caseId}/state': [...oversight, 'officer', 'senior'],
  'get /v1/access-log': ['auditor'],
  // The Children Not In School register: the service that keeps it, and auditors (issue 18); a panel reads
  // only the cases referred to it, so not the whole register.
  'get /v1/register': caseReaders,
  'get /v1/register/leavers': caseReaders,
  // The whole register with identifiers, for the council's return: who submits returns, and auditors.
  'get /v1/register/export': oversight,

  // Allocate, close and reopen, reclassify (either way): the manager's.
  ...commands(management, ['allocation', 'reallocation', 'closure', 'reopening']),
  ...commands(management, ['reclassification', 'became-ehe']),
  // Consent decisions and panel referrals: the senior's (and so the manager's, who signs off).
  ...commands(statutory, ['consent-grants', 'consent-refusals', 'panel-referrals', 'fair-access-referrals']),
  ...commands(statutory, ['fair-access-agreements', 'fair-access-places']),
  // Recording the panel's decision is the panel's: "everything an officer can" does not include it.
  // The panel's own decision; the co-ordinator (manager) may minute it on the panel's behalf, as panel
  // members from other agencies often hold no account here. DOMAIN.md is silent on who types it in.
  [command('panel-decisions')]: ['panel', 'manager'],
  // The School Attendance Order route, prosecution and ESO: SAO steps.
  ...commands(statutory, [
    'sao/section-437-notices',
    'sao/section-437-responses',
    'sao/expediency-decisions',
    'sao/school-consultations',
    'sao/section-438-notices',
    'sao/parent-choices',
    'sao/orders',
    'sao/amendments',
    'sao/revocation-requests',
    'sao/revocations',
    'sao/revocation-refusals',
    'sao/secretary-of-state-referrals',
    'sao/secretary-of-state-directions',
    'sao/compliance',
    'sao/eso-considerations',
    'sao/prosecutions',
    'sao/prosecution-outcomes',
    'sao/eso-directions',
    'sao/eso-direction-answers',
    // The EHC plan's school amends an order in force (s.441), so it is recorded by those who serve orders.
    'ehc-plan-schools',
    'ehc-plan-amendment-requests',
    'sao/governing-body-notices',
    'sao/governing-body-direction-applications',
    'sao/school-directions',
    'sao/school-application-decisions',
    'sao/named-school-informed',
    'sao/childrens-services-consultations',
    'sao/eso-applications',
    'sao/eso-decisions',
    'sao/eso-extensions',
    'sao/eso-discharges',
  ]),
  // Casework, EHE and CME.
  ...commands(casework, [
    'consent-requests',
    'contacts',
    'visits',
    'visits/acceptances',
    'visits/held',
    'visits/declined',
    'informal-enquiries',
    'evidence',
    'assessments',
    'priority-flags',
    'sen-support',
    'ehcp-reviews',
    'return-to-school',
    'enquiries',
    'enquiry-outcomes',
    'risk-assessments',
    'social-care-reports',
    'police-reports',
    'location',
    'school-place-applications',
    'hand-over',
    'untraced-reviews',
    // The facts of a CME case the DfE return reads (issue 15 items 2 and 4).
    'primary-reason',
    'missing-since',
    'left-roll',
    'estimated-date-of-birth',
    // The parents notices are served on, and their consent to service by email: casework.
    'parents',
    'parents/electronic-service-consents',
    'parents/electronic-service-consent-withdrawals',
    // The Children Not In School register's duties (issue 18 items 3 and 4): casework.
    'register/home-visit-decisions',
    'register/home-visit-answers',
    'register/parent-information-requests',
    'register/parent-information',
    'register/parent-information-failures',
    'register/provider-information-requests',
    'register/provider-information',
    'register/support-offers',
    'register/disclosures',
  ]),
};

/** Whether the table lets `role` (or a caller with no valid token, `undefined`) call the operation. */
export function tableAllows(access: Access, role: Role | undefined): boolean {
  if (access === 'open') return true;
  return role !== undefined && access.includes(role);
}
