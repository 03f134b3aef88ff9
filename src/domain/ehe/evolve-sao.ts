import { compulsorySchoolAge, type IsoDate } from '../calendar/index.js';
import type { EheEvent } from './events.js';
import {
  type EheOpenClock,
  type EheState,
  type EheStatus,
  initialSao,
  isSaoRouteActive,
  type SaoDocument,
  type SaoService,
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

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

const serviceOf = (
  document: SaoDocument,
  data: { parentId: string | null; servedOn: IsoDate },
  endsOn: IsoDate | null,
): SaoService => ({ document, parentId: data.parentId, servedOn: data.servedOn, endsOn });

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
      const { noticeId, issuedOn, servedOn, periodEndsOn } = event.data;
      const service = serviceOf('section437Notice', event.data, periodEndsOn);
      // The same notice served on another parent: that parent's period runs from that parent's service.
      if (event.data.additionalService && sao.notice437) {
        const latest = later(sao.notice437.periodEndsOn, periodEndsOn);
        return withSao(state, {
          notice437: { ...sao.notice437, periodEndsOn: latest },
          services: [...sao.services, service],
        });
      }
      return withSao(state, {
        ...initialSao(),
        stage: 'notice_served',
        notice437: { noticeId, issuedOn, servedOn, periodEndsOn },
        services: [service],
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
      const { noticeId, servedOn, choiceEndsOn, intendedSchool, alternativeSchools } = event.data;
      const services = [...sao.services, serviceOf('section438Notice', event.data, choiceEndsOn)];
      if (event.data.additionalService && sao.noticeOfIntention) {
        const latest = later(sao.noticeOfIntention.choiceEndsOn, choiceEndsOn);
        return withSao(state, {
          noticeOfIntention: { ...sao.noticeOfIntention, choiceEndsOn: latest },
          services,
        });
      }
      const schools = [intendedSchool, ...alternativeSchools];
      const noticeOfIntention = { noticeId, servedOn, choiceEndsOn, schools };
      return withSao(state, { stage: 'notice_of_intention_served', noticeOfIntention, services });
    }
    case 'SchoolChosenByParent': {
      const { data } = event;
      if (data.kind === 'named_school' || data.offeredOn !== null)
        return withSao(state, {
          stage: 'school_chosen',
          parentChoice: data.school,
          // When the choice was made (an offer elsewhere: when offered), for the per-parent s.438 check.
          parentChoiceOn: data.kind === 'named_school' ? data.chosenOn : (data.offeredOn as string),
        });
      // An application made in time and not yet decided: the council waits for the school's decision (s.438).
      const application = {
        school: data.school,
        outcome: 'pending' as const,
        applicationMadeOn: data.applicationMadeOn,
      };
      return withSao(state, { schools: { ...sao.schools, application } });
    }
    case 'SchoolAttendanceOrderServed': {
      const services = [...sao.services, serviceOf('schoolAttendanceOrder', event.data, null)];
      if (event.data.additionalService && sao.order) return withSao(state, { services });
      const { orderId, school, servedOn } = event.data;
      return withSao(state, {
        stage: 'order_in_force',
        order: { orderId, school, servedOn, complied: false },
        services,
        schools: { ...sao.schools, namedSchoolInformed: false },
      });
    }
    case 'SchoolAttendanceOrderAmended':
      // The amended order is the same order: it keeps its id and the parents it was served on.
      return withSao(state, {
        stage: 'order_in_force',
        order: {
          orderId: sao.order?.orderId ?? null,
          school: event.data.school,
          servedOn: event.data.amendedOn,
          complied: false,
        },
        // The school the amended order names is informed afresh (s.437(5)).
        schools: { ...sao.schools, namedSchoolInformed: false },
      });
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

/**
 * An order recorded before the in-force clock existed (a v1 `SchoolAttendanceOrderServed`, upcast with
 * `servedOnBasis: 'recorded_as_entered'`) started only its compliance clock. s.437(4) ends every order "for so
 * long as the child is of compulsory school age", so on replay it gets the clock the decider now starts
 * (sao-school-checks.ts `inForceClock`): to the school leaving date (s.8(3)). No policy set it, which its
 * `policyVersion` says. The deadlines view follows the state's clocks, so the sweep finds it and the worker
 * records the lapse; the BullMQ scheduler, which reads clocks from events, leaves it to that sweep.
 */
export const legacyOrderClockVersion = 'replayed-v1-order';

export function withLegacyInForceClock(
  clocks: EheState['clocks'],
  state: EheState,
  event: EheEvent,
): EheState['clocks'] {
  if (event.type !== 'SchoolAttendanceOrderServed' || event.data.servedOnBasis !== 'recorded_as_entered')
    return clocks;
  if (event.data.additionalService || state.dateOfBirth === null) return clocks;
  if (event.data.clocksStarted.some((c) => c.clock === 'saoInForce')) return clocks;
  const clock: EheOpenClock = {
    startedOn: event.data.servedOn,
    dueOn: compulsorySchoolAge(state.dateOfBirth).end,
    policyVersion: legacyOrderClockVersion,
    dayType: 'calendar',
    missed: false,
    escalation: 'none',
    reminded: false,
  };
  return { ...clocks, saoInForce: clock };
}
