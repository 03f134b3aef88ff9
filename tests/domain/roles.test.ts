import { describe, expect, it } from 'vitest';
import { eheCommandTypes } from '../../src/domain/ehe/index.js';
import { eheCommandRoles } from '../../src/domain/ehe/roles.js';
import { mayIssue, roles } from '../../src/domain/roles.js';

describe('the role table', () => {
  it('covers every EHE command', () => {
    expect(Object.keys(eheCommandRoles).sort()).toEqual([...eheCommandTypes].sort());
  });

  it('lets a referrer only refer', () => {
    const allowed = eheCommandTypes.filter((type) => mayIssue('referrer', type));
    expect(allowed).toEqual(['ReceiveEheReferral']);
  });

  it('lets auditors change nothing', () => {
    expect(eheCommandTypes.filter((type) => mayIssue('auditor', type))).toEqual([]);
  });

  it('keeps SAO steps and consent decisions from officers', () => {
    for (const type of [
      'ServeSection437Notice',
      'ServeSchoolAttendanceOrder',
      'GiveSpecialSchoolConsent',
      'ReferToPanel',
    ]) {
      expect(mayIssue('officer', type), type).toBe(false);
      expect(mayIssue('senior', type), type).toBe(true);
      expect(mayIssue('manager', type), type).toBe(true);
    }
  });

  it('leaves allocation, closure and reopening to managers', () => {
    for (const type of ['AllocateCase', 'ReallocateCase', 'CloseCase', 'ReopenCase']) {
      expect(roles.filter((role) => mayIssue(role, type))).toEqual(['manager']);
    }
  });

  it('lets a panel member record panel decisions and nothing else', () => {
    expect(eheCommandTypes.filter((type) => mayIssue('panel', type))).toEqual(['RecordPanelDecision']);
  });

  it('refuses a command type it does not know', () => {
    expect(mayIssue('manager', 'DropTable')).toBe(false);
  });
});
