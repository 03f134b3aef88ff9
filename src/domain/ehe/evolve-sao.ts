import type { EheEvent } from './events.js';
import {
  type EheState,
  type EheStatus,
  initialSao,
  isSaoRouteActive,
  type SaoState,
  workingStatus,
} from './state.js';

/** The events of the School Attendance Order route and of what follows an order: this file evolves them. */
const saoEventTypes = [
  'Section437NoticeServed',
  'Section437ResponseJudged',
  'AttendanceExpediencyDecided',
  'SchoolConsulted',
  'Section438NoticeServed',
  'SchoolChosenByParent',
  'SchoolAttendanceOrderServed',
  'SchoolAttendanceOrderAmended',
  'SaoRevocationRequested',
  'SchoolAttendanceOrderRevoked',
  'SaoRevocationRefused',
  'SaoRefusalReferredToSecretaryOfState',
  'SchoolAttendanceOrderComplied',
  'EsoConsidered',
  'ProsecutionStarted',
  'ProsecutionOutcomeRecorded',
  'EsoDirectionReceived',
  'EsoDirectionAnswered',
] as const;
export type SaoEvent = Extract<EheEvent, { type: (typeof saoEventTypes)[number] }>;

const saoEventTypeSet: ReadonlySet<string> = new Set(saoEventTypes);
export const isSaoEvent = (event: EheEvent): event is SaoEvent => saoEventTypeSet.has(event.type);

/** While the route is active the case is in `sao`; when a step ends it, the case takes `endedStatus`. */
export function withSao(
  state: EheState,
  change: Partial<SaoState>,
  endedStatus: EheStatus = state.status,
): EheState {
  const sao = { ...state.sao, ...change };
  return { ...state, sao, status: isSaoRouteActive(sao) ? 'sao' : endedStatus };
}

export function evolveSao(state: EheState, event: SaoEvent): EheState {
  const { sao } = state;
  switch (event.type) {
    case 'Section437NoticeServed': {
      const { issuedOn, servedOn, periodEndsOn } = event.data;
      return withSao(state, {
        ...initialSao(),
        stage: 'notice_served',
        notice437: { issuedOn, servedOn, periodEndsOn },
      });
    }
    case 'Section437ResponseJudged':
      // Satisfied that education is suitable: the judgement the notice questioned is replaced.
      return event.data.satisfied
        ? {
            ...withSao(state, { stage: 'satisfied' }, 'monitoring'),
            suitability: { outcome: 'suitable', judgedOn: event.data.judgedOn },
          }
        : withSao(state, { stage: 'not_satisfied' });
    case 'AttendanceExpediencyDecided':
      return event.data.expedient
        ? withSao(state, { stage: 'expedient' })
        : withSao(state, { stage: 'not_expedient' }, workingStatus(state));
    case 'SchoolConsulted': {
      const { school, maintained, childPermanentlyExcluded } = event.data;
      const consulted = [...sao.schools.consulted, { school, maintained, childPermanentlyExcluded }];
      return withSao(state, {
        consultedSchools: [...sao.consultedSchools, school],
        schools: { ...sao.schools, consulted },
      });
    }
    case 'Section438NoticeServed': {
      const { servedOn, choiceEndsOn, intendedSchool, alternativeSchools } = event.data;
      const noticeOfIntention = { servedOn, choiceEndsOn, schools: [intendedSchool, ...alternativeSchools] };
      return withSao(state, { stage: 'notice_of_intention_served', noticeOfIntention });
    }
    case 'SchoolChosenByParent': {
      const { data } = event;
      if (data.kind === 'named_school' || data.offeredOn !== null)
        return withSao(state, { stage: 'school_chosen', parentChoice: data.school });
      // An application made in time and not yet decided: the council waits for the school's decision (s.438).
      const application = {
        school: data.school,
        outcome: 'pending' as const,
        applicationMadeOn: data.applicationMadeOn,
      };
      return withSao(state, { schools: { ...sao.schools, application } });
    }
    case 'SchoolAttendanceOrderServed':
    case 'SchoolAttendanceOrderAmended': {
      const servedOn =
        event.type === 'SchoolAttendanceOrderServed' ? event.data.servedOn : event.data.amendedOn;
      return withSao(state, {
        stage: 'order_in_force',
        order: { school: event.data.school, servedOn, complied: false },
        schools: { ...sao.schools, namedSchoolInformed: false },
      });
    }
    case 'SaoRevocationRequested':
      return withSao(state, { revocation: 'requested' });
    case 'SchoolAttendanceOrderRevoked':
      // s442 revokes an order only for suitable education otherwise: that is the judgement now.
      return {
        ...withSao(state, { stage: 'order_revoked', revocation: 'none' }, 'monitoring'),
        suitability: { outcome: 'suitable', judgedOn: event.data.revokedOn },
      };
    case 'SaoRevocationRefused':
      return withSao(state, { revocation: 'refused' });
    case 'SaoRefusalReferredToSecretaryOfState':
      return withSao(state, { revocation: 'referred_to_secretary_of_state' });
    case 'SchoolAttendanceOrderComplied':
      return sao.order ? withSao(state, { order: { ...sao.order, complied: true } }) : state;
    case 'EsoConsidered':
      return withSao(state, { esoConsidered: true });
    case 'ProsecutionStarted':
      // s447(1) asks for an ESO to be considered before each prosecution, so the last one is used up.
      return withSao(state, { prosecution: 'started', esoConsidered: false });
    case 'ProsecutionOutcomeRecorded': {
      const { outcome, decidedOn } = event.data;
      const ends = outcome === 'acquitted' && event.data.orderCeases;
      const convicted =
        outcome === 'convicted' ? { enforcement: { ...sao.enforcement, convictedOn: decidedOn } } : {};
      return withSao(
        state,
        { prosecution: outcome, ...convicted, ...(ends ? { stage: 'order_ended' as const } : {}) },
        workingStatus(state),
      );
    }
    case 'EsoDirectionReceived':
      // s.447(2): children's services are consulted on each direction before the council declines it.
      return withSao(state, {
        esoDirection: 'awaiting_answer',
        enforcement: {
          ...sao.enforcement,
          directedOn: event.data.directedOn,
          childrensServicesConsulted: false,
        },
      });
    case 'EsoDirectionAnswered':
      return withSao(state, { esoDirection: 'answered' });
    default:
      return unhandled(event);
  }
}

/** Compile-time exhaustiveness: every SAO event type is handled above, so nothing reaches here. */
function unhandled(event: never): never {
  throw new Error(`no evolve step for ${(event as { type: string }).type}`);
}
