/**
 * For each command example of the OpenAPI document (`<route path> <example name>`), the case it assumes: the
 * referral that opens it and the steps before it, each step itself an example of the document.
 */
export type Step = readonly [path: string, example: string];
export interface Scenario {
  caseType: 'ehe' | 'cme';
  /** The EHE referral varied: a child placed at a special school by the council, or with an EHCP. */
  referral?: 'specialSchool' | 'ehcp';
  /** The CME referral varied: a child whose date of birth is not known. */
  cmeReferral?: 'dateOfBirthUnknown';
  after: readonly Step[];
}

const allocateEhe: Step = ['allocation', 'ehe.allocate'];
const allocateCme: Step = ['allocation', 'cme.allocate'];

const ehe = (after: readonly Step[] = [], referral?: Scenario['referral']): Scenario => ({
  caseType: 'ehe',
  after,
  ...(referral ? { referral } : {}),
});
const cme = (after: readonly Step[] = [], cmeReferral?: Scenario['cmeReferral']): Scenario => ({
  caseType: 'cme',
  after,
  ...(cmeReferral ? { cmeReferral } : {}),
});

const offered: Step[] = [allocateEhe, ['visits', 'offer']];
const returned: Step = ['return-to-school', 'returned'];
const consentRequested: Step[] = [['consent-requests', 'requestByParent']];
// The Children Not In School register's duties (issue 18).
const homeVisitRequested: Step = ['register/home-visit-decisions', 'requested'];
const parentAsked: Step = ['register/parent-information-requests', 'onEligibility'];

// The School Attendance Order route, one step after another.
const unsuitable: Step[] = [allocateEhe, ['assessments', 'appearsUnsuitable']];
const notice437: Step[] = [...unsuitable, ['sao/section-437-notices', 'served']];
const notSatisfied: Step[] = [...notice437, ['sao/section-437-responses', 'notSatisfied']];
const expedient: Step[] = [...notSatisfied, ['sao/expediency-decisions', 'expedient']];
const consulted: Step[] = [
  ...expedient,
  ['sao/school-consultations', 'consult'],
  ['sao/school-consultations', 'consultAlternative'],
];
const notice438: Step[] = [...consulted, ['sao/section-438-notices', 'served']];
const notified: Step[] = [...consulted, ['sao/governing-body-notices', 'notify']];
const directionApplied: Step[] = [...notified, ['sao/governing-body-direction-applications', 'apply']];
const order: Step[] = [...notice438, ['sao/orders', 'served']];
const revocationRequested: Step[] = [...order, ['sao/revocation-requests', 'request']];
const referredToSecretaryOfState: Step[] = [
  ...revocationRequested,
  ['sao/revocation-refusals', 'refuse'],
  ['sao/secretary-of-state-referrals', 'refer'],
];
// A child with an EHC plan (referral 'ehcp'): the plan's school recorded, then the order naming it (s.441).
const planSchool: Step[] = [...expedient, ['ehc-plan-schools', 'named']];
const planOrder: Step[] = [...planSchool, ['sao/orders', 'ehcPlanSchool']];
const prosecuted: Step[] = [...order, ['sao/eso-considerations', 'prosecute'], ['sao/prosecutions', 'start']];
const convicted: Step[] = [...prosecuted, ['sao/prosecution-outcomes', 'convicted']];
const directed: Step[] = [...convicted, ['sao/eso-directions', 'direction']];
const applied: Step[] = [...order, ['sao/eso-applications', 'applied']];
const esoMade: Step[] = [...applied, ['sao/eso-decisions', 'made']];

const inArea: Step[] = [allocateCme, ['location', 'inArea']];
const onRoll: Step[] = [allocateCme, ['location', 'onRoll']];

export const exampleScenarios: Record<string, Scenario> = {
  'allocation ehe.allocate': ehe(),
  'allocation cme.allocate': cme(),
  'reallocation ehe.reallocate': ehe([allocateEhe]),
  'reallocation cme.reallocate': cme([allocateCme]),
  'closure ehe.returnedToSchool': ehe([returned]),
  'closure ehe.movedOutOfArea': ehe(),
  'closure cme.onRoll': cme(onRoll),
  'reopening ehe.reopen': ehe([returned, ['closure', 'ehe.returnedToSchool']]),
  'reopening cme.missingAgain': cme([...onRoll, ['closure', 'cme.onRoll']]),
  'consent-requests requestByParent': ehe([], 'specialSchool'),
  'consent-grants give': ehe(consentRequested, 'specialSchool'),
  'consent-refusals refuse': ehe(consentRequested, 'specialSchool'),
  'contacts contactMade': ehe([allocateEhe]),
  'contacts noAnswer': ehe([allocateEhe]),
  'visits offer': ehe([allocateEhe]),
  'visits/acceptances accept': ehe(offered),
  'visits/held held': ehe([...offered, ['visits/acceptances', 'accept']]),
  'visits/declined declined': ehe(offered),
  'informal-enquiries letter': ehe([allocateEhe]),
  'evidence report': ehe([allocateEhe]),
  'assessments suitable': ehe([allocateEhe]),
  'assessments appearsUnsuitable': ehe([allocateEhe]),
  'priority-flags childInNeed': ehe(),
  'sen-support senSupport': ehe(),
  'ehcp-reviews review': ehe([allocateEhe], 'ehcp'),
  'panel-referrals childrenNotInSchool': ehe(),
  'panel-decisions decision': ehe([['panel-referrals', 'childrenNotInSchool']]),
  'return-to-school returned': ehe(),
  'reclassification reclassify': ehe(),
  'parents nonResidentFather': ehe(),
  'parents/electronic-service-consents consent': ehe(),
  'parents/electronic-service-consent-withdrawals withdraw': ehe([
    ['parents/electronic-service-consents', 'consent'],
  ]),
  'register/home-visit-decisions requested': ehe(),
  'register/home-visit-decisions notRequested': ehe(),
  'register/home-visit-answers refused': ehe([homeVisitRequested]),
  'register/home-visit-answers accepted': ehe([homeVisitRequested]),
  'register/parent-information-requests onEligibility': ehe(),
  'register/parent-information answer': ehe([parentAsked]),
  'register/parent-information change': ehe(),
  'register/parent-information-failures notProvided': ehe([parentAsked]),
  'register/provider-information-requests tutor': ehe(),
  'register/provider-information answer': ehe([['register/provider-information-requests', 'tutor']]),
  'register/support-offers offer': ehe(),
  'register/disclosures socialCare': ehe(),
  'sao/section-437-notices served': ehe(unsuitable),
  'sao/section-437-responses notSatisfied': ehe(notice437),
  'sao/expediency-decisions expedient': ehe(notSatisfied),
  'sao/school-consultations consult': ehe(expedient),
  'sao/school-consultations consultAlternative': ehe(expedient),
  'sao/governing-body-notices notify': ehe(consulted),
  'sao/governing-body-direction-applications apply': ehe(notified),
  'sao/school-directions mayBeNamed': ehe(directionApplied),
  'sao/school-directions notToBeNamed': ehe(directionApplied),
  'sao/parent-choices applicationElsewhere': ehe(notice438),
  'sao/school-application-decisions offered': ehe([
    ...notice438,
    ['sao/parent-choices', 'applicationElsewhere'],
  ]),
  'sao/named-school-informed informed': ehe(order),
  'sao/childrens-services-consultations consulted': ehe(directed),
  'sao/eso-applications applied': ehe(order),
  'sao/eso-decisions made': ehe(applied),
  'sao/eso-extensions extend': ehe(esoMade),
  'sao/eso-discharges discharge': ehe(esoMade),
  'sao/section-438-notices served': ehe(consulted),
  'sao/parent-choices namedSchool': ehe(notice438),
  'ehc-plan-schools named': ehe([], 'ehcp'),
  'ehc-plan-schools changedWhileOrderInForce': ehe(planOrder, 'ehcp'),
  'ehc-plan-amendment-requests request': ehe(expedient, 'ehcp'),
  'sao/orders served': ehe(notice438),
  'sao/orders ehcPlanSchool': ehe(planSchool, 'ehcp'),
  'sao/amendments amend': ehe(order),
  'sao/amendments councilInitiative': ehe(order),
  'sao/revocation-requests request': ehe(order),
  'sao/revocations revoke': ehe(revocationRequested),
  'sao/revocations councilInitiative': ehe(order),
  'sao/revocation-refusals refuse': ehe(revocationRequested),
  'sao/secretary-of-state-referrals refer': ehe([
    ...revocationRequested,
    ['sao/revocation-refusals', 'refuse'],
  ]),
  'sao/secretary-of-state-directions revoke': ehe(referredToSecretaryOfState),
  'sao/secretary-of-state-directions uphold': ehe(referredToSecretaryOfState),
  'sao/compliance registered': ehe(order),
  'sao/eso-considerations prosecute': ehe(order),
  'sao/prosecutions start': ehe([...order, ['sao/eso-considerations', 'prosecute']]),
  'sao/prosecution-outcomes convicted': ehe(prosecuted),
  'sao/eso-directions direction': ehe(convicted),
  'sao/eso-directions courtPeriod': ehe(convicted),
  'sao/eso-direction-answers applied': ehe(directed),
  'sao/eso-direction-answers reasonsGiven': ehe([
    ...directed,
    ['sao/childrens-services-consultations', 'consulted'],
  ]),
  'enquiries health': cme([allocateCme]),
  'enquiry-outcomes informationReceived': cme([allocateCme, ['enquiries', 'health']]),
  'risk-assessments high': cme(),
  'social-care-reports report': cme([['risk-assessments', 'high']]),
  'police-reports report': cme([
    ['risk-assessments', 'high'],
    ['social-care-reports', 'report'],
  ]),
  'location inArea': cme([allocateCme]),
  'location otherCouncilArea': cme([allocateCme]),
  'location onRoll': cme([allocateCme]),
  'school-place-applications apply': cme(inArea),
  'fair-access-referrals refer': cme(inArea),
  'fair-access-agreements agree': cme([...inArea, ['fair-access-referrals', 'refer']]),
  'fair-access-places allocate': cme([
    ...inArea,
    ['fair-access-referrals', 'refer'],
    ['fair-access-agreements', 'agree'],
  ]),
  'hand-over handOver': cme([allocateCme, ['location', 'otherCouncilArea']]),
  'became-ehe becameEhe': cme(inArea),
  'untraced-reviews review': cme([allocateCme]),
  'primary-reason awaitingPlace': cme(),
  'missing-since lastSeen': cme(),
  'left-roll deleted': cme(),
  'estimated-date-of-birth estimate': cme([allocateCme], 'dateOfBirthUnknown'),
};
