import { describe, expect, it } from 'vitest';
import { accessLogCodec, accessLogStreamOf } from '../../src/domain/access-log.js';

const caseId = 'c720c2bd-aad3-5fa2-95d0-9d7bd30a4e40';

describe('a read of case data, in the access log', () => {
  const read = {
    actor: 'olivia-hart',
    role: 'officer' as const,
    caseIds: [caseId],
    route: '/v1/cases/:caseId',
  };

  it('is kept in the stream of the day it happened on (UTC)', () => {
    expect(accessLogStreamOf(new Date('2025-11-20T23:59:59Z'))).toBe('accesslog-2025-11-20');
    expect(accessLogStreamOf(new Date('2025-11-21T00:00:00Z'))).toBe('accesslog-2025-11-21');
  });

  it('is written at schema version 1', () => {
    expect(accessLogCodec.encode({ type: 'CaseDataRead', data: read })).toMatchObject({ schemaVersion: 1 });
  });

  it('is refused when it names no case: a read of nothing is no read', () => {
    const event = { type: 'CaseDataRead' as const, data: { ...read, caseIds: [] } };
    expect(() => accessLogCodec.encode(event)).toThrow(expect.objectContaining({ code: 'invalid_event' }));
  });
});
