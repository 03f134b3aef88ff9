import type { IsoDate } from '../calendar/index.js';
import type { RegisterBasis } from '../register/commencement.js';
import type { EheEvent } from './events.js';
import type { registerEvents } from './events-register.js';

/**
 * Where an EHE case (a register entry) stands on the Children Not In School register's duties (issue 18
 * items 3 and 4, EA 1996 ss.436B, 436D–436G): what the register deciders check, folded from the events of
 * events-register.ts.
 */
export interface ParentInformationRequest {
  requestId: string;
  parentId: string;
  requestedOn: IsoDate;
  respondBy: IsoDate;
  basis: RegisterBasis;
  status: 'awaiting' | 'answered' | 'not_provided';
}

export type RegisterSaoGround = 'register_information_not_provided' | 'home_visit_refused';

export interface RegisterDutiesState {
  homeVisit: {
    decidedOn: IsoDate;
    requested: boolean;
    basis: RegisterBasis;
    answer: 'accepted' | 'refused' | null;
  } | null;
  parentRequests: Record<string, ParentInformationRequest>;
  /** Provider requests by id, with the provider each was sent to. */
  providerRequests: Record<
    string,
    { providerId: string; requestedOn: IsoDate; basis: RegisterBasis; answered: boolean }
  >;
  saoGrounds: { ground: RegisterSaoGround; aroseOn: IsoDate }[];
  /** The register commenced while the child was on it: the duties run from this day. */
  dutiesCommencedOn: IsoDate | null;
}

export const initialRegisterDuties = (): RegisterDutiesState => ({
  homeVisit: null,
  parentRequests: {},
  providerRequests: {},
  saoGrounds: [],
  dutiesCommencedOn: null,
});

export type RegisterEvent = Extract<EheEvent, { type: keyof typeof registerEvents }>;

const registerEventTypes: ReadonlySet<string> = new Set<RegisterEvent['type']>([
  'RegisterDutiesCommenced',
  'RegisterHomeVisitDecided',
  'RegisterHomeVisitAnswered',
  'RegisterInformationRequestedFromParent',
  'RegisterInformationReceivedFromParent',
  'RegisterInformationNotProvided',
  'RegisterSaoGroundRecorded',
  'RegisterInformationRequestedFromProvider',
  'RegisterInformationReceivedFromProvider',
  'RegisterSupportOffered',
  'RegisterInformationDisclosed',
]);
export const isRegisterEvent = (event: EheEvent): event is RegisterEvent =>
  registerEventTypes.has(event.type);

function withParentRequest(
  duties: RegisterDutiesState,
  requestId: string | null,
  status: ParentInformationRequest['status'],
): RegisterDutiesState {
  const request = requestId === null ? undefined : duties.parentRequests[requestId];
  if (!request) return duties;
  return {
    ...duties,
    parentRequests: { ...duties.parentRequests, [request.requestId]: { ...request, status } },
  };
}

export function evolveRegisterDuties(duties: RegisterDutiesState, event: RegisterEvent): RegisterDutiesState {
  switch (event.type) {
    case 'RegisterDutiesCommenced':
      return { ...duties, dutiesCommencedOn: event.data.commencedOn };
    case 'RegisterHomeVisitDecided': {
      const { decidedOn, homeVisit, basis } = event.data;
      return {
        ...duties,
        homeVisit: { decidedOn, requested: homeVisit === 'requested', basis, answer: null },
      };
    }
    case 'RegisterHomeVisitAnswered':
      return duties.homeVisit
        ? { ...duties, homeVisit: { ...duties.homeVisit, answer: event.data.answer } }
        : duties;
    case 'RegisterInformationRequestedFromParent': {
      const { requestId, parentId, requestedOn, respondBy, basis } = event.data;
      const request: ParentInformationRequest = {
        requestId,
        parentId,
        requestedOn,
        respondBy,
        basis,
        status: 'awaiting',
      };
      return { ...duties, parentRequests: { ...duties.parentRequests, [requestId]: request } };
    }
    case 'RegisterInformationReceivedFromParent':
      return withParentRequest(duties, event.data.requestId, 'answered');
    case 'RegisterInformationNotProvided':
      return withParentRequest(duties, event.data.requestId, 'not_provided');
    case 'RegisterSaoGroundRecorded':
      return {
        ...duties,
        saoGrounds: [...duties.saoGrounds, { ground: event.data.ground, aroseOn: event.data.aroseOn }],
      };
    case 'RegisterInformationRequestedFromProvider': {
      const { requestId, providerId, requestedOn, basis } = event.data;
      return {
        ...duties,
        providerRequests: {
          ...duties.providerRequests,
          [requestId]: { providerId, requestedOn, basis, answered: false },
        },
      };
    }
    case 'RegisterInformationReceivedFromProvider': {
      const request = duties.providerRequests[event.data.requestId];
      if (!request) return duties;
      return {
        ...duties,
        providerRequests: {
          ...duties.providerRequests,
          [event.data.requestId]: { ...request, answered: true },
        },
      };
    }
    // Records only: support offered (s.436G) and disclosures (s.436F) change nothing the deciders check.
    case 'RegisterSupportOffered':
    case 'RegisterInformationDisclosed':
      return duties;
  }
}
