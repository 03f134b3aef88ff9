import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { cmeReferral, eheReferral } from '../../api/fixtures.js';
import type { Sightline } from './redis-sightline.js';

/** The council's staff and its cases, created through the API as people would, on the clock's date. */
export async function councilDesk(sightline: Sightline) {
  const manager = { authorization: `Bearer ${await sightline.token('manager', 'mary')}` };
  const officer = { authorization: `Bearer ${await sightline.token('officer', 'olive')}` };

  const send = async (request: InjectOptions, expected: number): Promise<LightMyRequestResponse> => {
    const response = await sightline.inject(request);
    if (response.statusCode !== expected) {
      throw new Error(`${request.method} ${request.url}: ${response.statusCode} ${response.body}`);
    }
    return response;
  };
  const post = (url: string, headers: Record<string, string>, payload: object, expected = 200) =>
    send({ method: 'POST', url, headers, payload }, expected);

  return {
    manager,
    /** An EHE referral received today, allocated today unless told not to: its first-contact clock runs. */
    async eheCase(today: string, options: { allocate?: boolean } = {}): Promise<string> {
      const referral = eheReferral({ receivedOn: today, eheStartDate: today });
      const opened = await post('/v1/ehe-cases', manager, referral, 201);
      const caseId: string = opened.json().caseId;
      if (options.allocate !== false) {
        await post(`/v1/cases/${caseId}/allocation`, manager, { officerId: 'olive', allocatedOn: today });
      }
      return caseId;
    },
    /** First contact made: its clock stops. */
    async contactMade(caseId: string, today: string): Promise<void> {
      await post(`/v1/cases/${caseId}/contacts`, officer, {
        attemptedOn: today,
        method: 'phone',
        outcome: 'contact_made',
      });
    },
    /** A CME referral received and allocated today: its tracing clocks run. */
    async cmeCase(today: string): Promise<string> {
      const opened = await post('/v1/cme-cases', manager, cmeReferral({ receivedOn: today }), 201);
      const caseId: string = opened.json().caseId;
      await post(`/v1/cases/${caseId}/allocation`, manager, { officerId: 'olive', allocatedOn: today });
      return caseId;
    },
    /** Every open clock, as GET /v1/deadlines answers. */
    async openClocks(): Promise<OpenClock[]> {
      const response = await send({ method: 'GET', url: '/v1/deadlines', headers: manager }, 200);
      return response.json().items;
    },
    /** How many events of `type` a case's history holds, as GET /v1/cases/{id}/events answers. */
    async countOf(caseId: string, type: string): Promise<number> {
      const response = await send(
        { method: 'GET', url: `/v1/cases/${caseId}/events?limit=1000`, headers: manager },
        200,
      );
      return response.json().events.filter((event: { type: string }) => event.type === type).length;
    },
  };
}

export interface OpenClock {
  caseId: string;
  caseType: 'ehe' | 'cme';
  clock: string;
  dueOn: string;
  status: string;
  escalation: 'none' | 'manager' | 'head_of_service';
}

/** The id of the one job an open clock waits on, by the workers' naming; none once fully escalated. */
export function awaitedJobId(clock: OpenClock): string | undefined {
  const stream = `${clock.caseType}-${clock.caseId}`;
  const missed = clock.status === 'missed' || clock.escalation !== 'none';
  if (!missed) return `deadline_${stream}_${clock.clock}`;
  if (clock.escalation === 'none') return `escalation_${stream}_${clock.clock}_manager`;
  if (clock.escalation === 'manager') return `escalation_${stream}_${clock.clock}_head_of_service`;
  return undefined;
}
