import type { EheEvent } from './events.js';
import {
  type EheState,
  type EheStatus,
  initialSao,
  isSaoRouteActive,
  type SaoState,
  workingStatus,
} from './state.js';
import { suitableEducationGrounds } from './values.js';

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
  'SaoSecretaryOfStateDirectionRecorded',
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
function withSao(
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
    case 'SchoolConsulted':
      return withSao(state, { consultedSchools: [...sao.consultedSchools, event.data.school] });
    case 'Section438NoticeServed': {
      const { servedOn, choiceEndsOn, intendedSchool, alternativeSchools } = event.data;
      const noticeOfIntention = { servedOn, choiceEndsOn, schools: [intendedSchool, ...alternativeSchools] };
      return withSao(state, { stage: 'notice_of_intention_served', noticeOfIntention });
    }
    case 'SchoolChosenByParent':
      return withSao(state, { stage: 'school_chosen', parentChoice: event.data.school });
    case 'SchoolAttendanceOrderServed':
    case 'SchoolAttendanceOrderAmended': {
      const servedOn =
        event.type === 'SchoolAttendanceOrderServed' ? event.data.servedOn : event.data.amendedOn;
      return withSao(state, {
        stage: 'order_in_force',
        order: { school: event.data.school, servedOn, complied: false },
      });
    }
    case 'SaoRevocationRequested':
      return withSao(state, { revocation: 'requested' });
    case 'SchoolAttendanceOrderRevoked':
      // Revoked because the child receives suitable education otherwise: that is the judgement now. Revoked
      // on another ground, the earlier judgement stands and the case returns to casework.
      return suitableEducationGrounds.has(event.data.ground)
        ? {
            ...withSao(state, { stage: 'order_revoked', revocation: 'none' }, 'monitoring'),
            suitability: { outcome: 'suitable', judgedOn: event.data.revokedOn },
          }
        : withSao(state, { stage: 'order_revoked', revocation: 'none' }, workingStatus(state));
    case 'SaoRevocationRefused':
      return withSao(state, { revocation: 'refused' });
    case 'SaoRefusalReferredToSecretaryOfState':
      return withSao(state, { revocation: 'referred_to_secretary_of_state' });
    case 'SaoSecretaryOfStateDirectionRecorded':
      // Upheld, the order stays in force and the parent may ask again; a direction to revoke is followed by
      // the revocation itself.
      return withSao(state, { revocation: 'none' });
    case 'SchoolAttendanceOrderComplied':
      return sao.order ? withSao(state, { order: { ...sao.order, complied: true } }) : state;
    case 'EsoConsidered':
      return withSao(state, { esoConsidered: true });
    case 'ProsecutionStarted':
      // s447(1) asks for an ESO to be considered before each prosecution, so the last one is used up.
      return withSao(state, { prosecution: 'started', esoConsidered: false });
    case 'ProsecutionOutcomeRecorded': {
      const ends = event.data.outcome === 'acquitted' && event.data.orderCeases;
      return withSao(
        state,
        { prosecution: event.data.outcome, ...(ends ? { stage: 'order_ended' as const } : {}) },
        workingStatus(state),
      );
    }
    case 'EsoDirectionReceived':
      return withSao(state, { esoDirection: 'awaiting_answer' });
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
