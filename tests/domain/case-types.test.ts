import { describe, expect, it } from 'vitest';
import { byCaseType, type CaseTypeTable, caseOfStream, streamOf } from '../../src/domain/case-types.js';

describe('the registry of case types', () => {
  it("names a case's stream by its type and id, and reads them back", () => {
    const caseId = '0b7a9a2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(caseOfStream(streamOf('cme', caseId))).toEqual({ caseType: 'cme', caseId });
    expect(caseOfStream(`$access-${caseId}`)).toBeUndefined();
  });

  it("calls the entry of a per-type table for the value's own case type", () => {
    type Value = { caseType: 'ehe'; stage: string } | { caseType: 'cme'; located: boolean };
    const describeCase: CaseTypeTable<Value, string> = {
      ehe: (value) => `SAO ${value.stage}`,
      cme: (value) => (value.located ? 'located' : 'untraced'),
    };
    expect(byCaseType(describeCase, { caseType: 'ehe', stage: 'none' })).toBe('SAO none');
    expect(byCaseType(describeCase, { caseType: 'cme', located: false })).toBe('untraced');
  });
});
