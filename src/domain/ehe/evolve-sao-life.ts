import { sameSchool } from './decide-support.js';
import type { EheEvent } from './events.js';
import type { saoLifeEvents } from './events-sao-life.js';
import { withSao } from './evolve-sao.js';
import { type EheState, workingStatus } from './state.js';

/** The route's later events (events-sao-life.ts): the schools' part, the order's end, the ESO's life. */
export type SaoLifeEvent = Extract<EheEvent, { type: keyof typeof saoLifeEvents }>;

const saoLifeEventTypes: ReadonlySet<string> = new Set<SaoLifeEvent['type']>([
  'SchoolAttendanceOrderLapsed',
  'SchoolAttendanceOrderEndedByCourt',
  'SchoolApplicationDecided',
  'GoverningBodyNotified',
  'GoverningBodyDirectionPeriodEnded',
  'GoverningBodyAppliedForDirection',
  'SecretaryOfStateSchoolDirectionRecorded',
  'NamedSchoolInformed',
  'ChildrensServicesConsultedOnEso',
  'EsoApplied',
  'EsoMade',
  'EsoRefused',
  'EsoExtended',
  'EsoDischarged',
  'EsoExpired',
]);
export const isSaoLifeEvent = (event: EheEvent): event is SaoLifeEvent => saoLifeEventTypes.has(event.type);

export function evolveSaoLife(state: EheState, event: SaoLifeEvent): EheState {
  const { schools, enforcement } = state.sao;
  const eso = (change: Partial<EheState['sao']['enforcement']>) =>
    withSao(state, { enforcement: { ...enforcement, ...change } });
  switch (event.type) {
    case 'SchoolAttendanceOrderLapsed':
      return withSao(state, { stage: 'order_lapsed' }, workingStatus(state));
    case 'SchoolAttendanceOrderEndedByCourt':
      return withSao(state, { stage: 'order_ended' }, workingStatus(state));
    case 'SchoolApplicationDecided': {
      if (!schools.application) return state;
      const application = { ...schools.application, outcome: event.data.outcome };
      // An offer on an in-time application binds the council: the order names that school (s.438).
      return event.data.outcome === 'offered'
        ? withSao(state, {
            stage: 'school_chosen',
            parentChoice: event.data.school,
            parentChoiceOn: event.data.decidedOn,
            schools: { ...schools, application },
          })
        : withSao(state, { schools: { ...schools, application } });
    }
    case 'GoverningBodyNotified': {
      const { school, notifiedOn, directionPeriodEndsOn: endsOn } = event.data;
      const others = schools.directionPeriods.filter((p) => !sameSchool(p.school, school));
      const period = { school, notifiedOn, endsOn };
      return withSao(state, { schools: { ...schools, directionPeriods: [...others, period] } });
    }
    case 'GoverningBodyDirectionPeriodEnded':
      return state;
    case 'GoverningBodyAppliedForDirection': {
      const { school, appliedOn, inTime } = event.data;
      const others = schools.directionApplications.filter((a) => !sameSchool(a.school, school));
      const application = { school, appliedOn, inTime, outcome: 'pending' as const };
      return withSao(state, { schools: { ...schools, directionApplications: [...others, application] } });
    }
    case 'SecretaryOfStateSchoolDirectionRecorded': {
      const { school, outcome } = event.data;
      const directionApplications = schools.directionApplications.map((a) =>
        sameSchool(a.school, school) ? { ...a, outcome } : a,
      );
      return withSao(state, { schools: { ...schools, directionApplications } });
    }
    case 'NamedSchoolInformed':
      return withSao(state, { schools: { ...schools, namedSchoolInformed: true } });
    case 'ChildrensServicesConsultedOnEso':
      return eso({ childrensServicesConsulted: true });
    case 'EsoApplied':
      return eso({ eso: 'applied' });
    case 'EsoMade':
    case 'EsoExtended':
      return eso({ eso: 'in_force', esoExpiresOn: event.data.expiresOn });
    case 'EsoRefused':
      return eso({ eso: 'refused' });
    case 'EsoDischarged':
      return eso({ eso: 'discharged' });
    case 'EsoExpired':
      return eso({ eso: 'expired' });
    default:
      return unhandled(event);
  }
}

function unhandled(event: never): never {
  throw new Error(`no evolve step for ${(event as { type: string }).type}`);
}
