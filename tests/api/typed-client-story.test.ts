import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/roles.js';
import type { paths } from './generated/openapi-types.js';
import { type TestApi, testApi } from './support.js';

/**
 * The README's walk-through (tests/api/walkthrough.sh), from a school's deletion return to the case's
 * closure, through a client generated from the OpenAPI document (openapi-typescript's types, checked against
 * the live document by typed-client.test.ts, and openapi-fetch) against the server listening on a socket.
 * `tsc --noEmit` typechecks every call below against the document's paths, bodies and answers.
 */
describe("the README's story through the generated client", () => {
  const now = new Date('2025-11-20T10:00:00Z');
  const today = '2025-11-20';
  let api: TestApi;
  let baseUrl: string;
  const clientFor = async (role: Role, sub: string) =>
    createClient<paths>({
      baseUrl,
      headers: { authorization: `Bearer ${await api.token(role, sub)}` },
    });
  const once = () => ({ 'idempotency-key': randomUUID() });

  beforeAll(async () => {
    api = await testApi({ now });
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => api.close());

  it('takes a case from a deletion return to closure', async () => {
    const school = await clientFor('referrer', 'bitterne-park');
    const manager = await clientFor('manager', 'mary');
    const officer = await clientFor('officer', 'olive');
    const address = { lines: ['12 Cobden Avenue'], town: 'Southampton', postcode: 'SO18 1FZ' };

    // 1. A school's deletion return: the parent has written that they will home educate. An EHE case opens.
    const deletion = await school.POST('/v1/deletion-returns', {
      params: { header: once() },
      body: {
        school: { name: 'Bitterne Park School', urn: '116453' },
        previousSchoolType: 'la_maintained',
        pupil: { givenName: 'Amelia', familyName: 'Walker', dateOfBirth: '2013-04-12', sex: 'F', address },
        parentsCarers: [
          {
            name: 'Jo Walker',
            relationship: 'mother',
            livesWithChild: true,
            phone: '023 8000 0000',
            address,
          },
        ],
        deletedOn: today,
        ground: 'f_parent_notice_education_otherwise',
        primaryReason: { code: 'school_dissatisfaction_bullying' },
      },
    });
    expect(deletion.response.status, JSON.stringify(deletion.error)).toBe(201);
    expect(deletion.data?.outcome).toBe('ehe_case_opened');
    const caseId = deletion.data?.case?.caseId ?? '';
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    // A school is told the case exists, and nothing of its history.
    expect(deletion.data?.case).not.toHaveProperty('events');
    const path = { caseId };

    // 2. The co-ordinator allocates it.
    const allocation = await manager.POST('/v1/cases/{caseId}/allocation', {
      params: { path, header: once() },
      body: { officerId: 'olive', allocatedOn: today },
    });
    expect(allocation.response.status, JSON.stringify(allocation.error)).toBe(200);
    expect(allocation.data?.events.map((event) => event.type)).toEqual(['CaseAllocated']);
    expect(allocation.response.headers.get('etag')).toBe(`W/"${allocation.data?.revision}"`);

    // 3. The officer phones the family: first contact, which stops the first-contact clock.
    const contact = await officer.POST('/v1/cases/{caseId}/contacts', {
      params: { path, header: once() },
      body: { attemptedOn: today, method: 'phone', outcome: 'contact_made' },
    });
    expect(contact.response.status, JSON.stringify(contact.error)).toBe(200);
    expect(contact.data?.events.map((event) => event.type)).toEqual(['FirstContactMade']);
    expect(contact.data?.clocks?.some((clock) => clock.clock === 'first_contact')).toBe(false);

    // 4. A visit, offered, accepted and held.
    const offered = await officer.POST('/v1/cases/{caseId}/visits', {
      params: { path, header: once() },
      body: { visitId: 'v1', offeredOn: today, proposedFor: today, location: 'home' },
    });
    expect(offered.response.status, JSON.stringify(offered.error)).toBe(200);
    const accepted = await officer.POST('/v1/cases/{caseId}/visits/acceptances', {
      params: { path, header: once() },
      body: { visitId: 'v1', acceptedOn: today },
    });
    expect(accepted.response.status, JSON.stringify(accepted.error)).toBe(200);
    const held = await officer.POST('/v1/cases/{caseId}/visits/held', {
      params: { path, header: once() },
      body: { visitId: 'v1', heldOn: today, notes: 'Met Amelia and her mother.', outcome: 'satisfactory' },
    });
    expect(held.response.status, JSON.stringify(held.error)).toBe(200);
    expect(held.data?.events.map((event) => event.type)).toContain('VisitHeld');

    // 5. Amelia goes back to school, and the co-ordinator closes the case.
    const returned = await officer.POST('/v1/cases/{caseId}/return-to-school', {
      params: { path, header: once() },
      body: { school: { name: 'Cantell School' }, startDate: today },
    });
    expect(returned.response.status, JSON.stringify(returned.error)).toBe(200);
    expect(returned.data?.events.map((event) => event.type)).toEqual(['ReturnedToSchool']);
    const closure = await manager.POST('/v1/cases/{caseId}/closure', {
      params: { path, header: once() },
      body: { closedOn: today, reason: 'returned_to_school' },
    });
    expect(closure.response.status, JSON.stringify(closure.error)).toBe(200);
    expect(closure.data?.events.map((event) => event.type)).toEqual(['EheCaseClosed']);

    // 6. The full history, as an auditor or the co-ordinator sees it, and the case as it stands.
    const history = await manager.GET('/v1/cases/{caseId}/events', { params: { path } });
    expect(history.response.status, JSON.stringify(history.error)).toBe(200);
    const events = history.data?.events ?? [];
    expect(events[0]).toMatchObject({ revision: '0', type: 'EheReferralReceived' });
    expect(events[0]?.metadata.actor).toBe('bitterne-park');
    expect(events.at(-1)).toMatchObject({ revision: closure.data?.revision, type: 'EheCaseClosed' });
    expect(events.at(-1)?.metadata.actor).toBe('mary');
    const summary = await manager.GET('/v1/cases/{caseId}', { params: { path } });
    expect(summary.response.status, JSON.stringify(summary.error)).toBe(200);
    expect(summary.data).toMatchObject({ caseId, caseType: 'ehe', status: 'closed', officerId: 'olive' });
  });

  it('gets the documented problem through the client when a step is refused', async () => {
    const school = await clientFor('referrer', 'bitterne-park');
    const refused = await school.POST('/v1/cases/{caseId}/closure', {
      params: { path: { caseId: randomUUID() }, header: once() },
      body: { closedOn: today, reason: 'returned_to_school' },
    });
    expect(refused.response.status).toBe(403);
    expect(refused.data).toBeUndefined();
    expect(refused.error).toMatchObject({ status: 403, code: 'forbidden' });
  });
});
