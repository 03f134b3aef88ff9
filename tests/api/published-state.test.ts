import { describe, expect, it } from 'vitest';
import { publishedState } from '../../src/api/cases/history.js';
import { cmeDecider } from '../../src/domain/cme/index.js';
import { eheDecider } from '../../src/domain/ehe/index.js';

describe('the state route keeps the field names it was published with', () => {
  it('names an EHE case referral and closure as it always has, in the decider field order', () => {
    const state = publishedState('ehe', eheDecider.initialState());
    const names = Object.keys(state);
    expect(names).toContain('receivedOn');
    expect(names).toContain('closed');
    expect(names).not.toContain('referredOn');
    expect(names).not.toContain('closure');
    expect(names.length).toBe(Object.keys(eheDecider.initialState()).length);
  });

  it("names a CME case's officer allocatedTo", () => {
    const state = { ...cmeDecider.initialState(), allocatedOfficer: 'olive', referredOn: '2025-11-18' };
    expect(publishedState('cme', state)).toEqual({
      status: 'none',
      allocatedTo: 'olive',
      referredOn: '2025-11-18',
    });
  });
});
