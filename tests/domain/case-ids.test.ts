import { describe, expect, it } from 'vitest';
import { caseIdCodec, caseIdReserved, caseIdStreamOf } from '../../src/domain/case-ids.js';

const caseId = 'c720c2bd-aad3-5fa2-95d0-9d7bd30a4e40';

describe("a case id's reservation", () => {
  it('is kept in the stream named after the id', () => {
    expect(caseIdStreamOf(caseId)).toBe(`caseid-${caseId}`);
  });

  it('is written at schema version 1 and read back as written', () => {
    const stored = caseIdCodec.encode(caseIdReserved(caseId, 'cme'));
    expect(stored).toEqual({ type: 'CaseIdReserved', data: { caseId, caseType: 'cme' }, schemaVersion: 1 });
    expect(caseIdCodec.decode(stored)).toEqual(caseIdReserved(caseId, 'cme'));
  });

  it('is refused for a case type that does not exist', () => {
    const event = { type: 'CaseIdReserved' as const, data: { caseId, caseType: 'sen' as 'ehe' } };
    expect(() => caseIdCodec.encode(event)).toThrow(expect.objectContaining({ code: 'invalid_event' }));
  });
});
