import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cmeCommandBodies, cmeCommandRoles } from '../../../src/domain/cme/index.js';
import { mayIssue } from '../../../src/domain/roles.js';
import { referralData } from './fixtures.js';

describe('CME command bodies, as the REST API will use them', () => {
  it('accept a well-formed referral', () => {
    expect(cmeCommandBodies.ReceiveCmeReferral.safeParse(referralData).success).toBe(true);
  });

  it('are strict: a field the API does not know is refused', () => {
    const result = cmeCommandBodies.ReceiveCmeReferral.safeParse({ ...referralData, priority: true });
    expect(result.success).toBe(false);
  });

  it('take dates as YYYY-MM-DD real calendar dates', () => {
    const body = cmeCommandBodies.CloseCase;
    expect(body.safeParse({ closedOn: '2026-11-20', destination: 'on_roll' }).success).toBe(true);
    expect(body.safeParse({ closedOn: '20/11/2026', destination: 'on_roll' }).success).toBe(false);
    expect(body.safeParse({ closedOn: '2026-02-29', destination: 'on_roll' }).success).toBe(false);
  });

  it('refuse a closure without a destination, or with one not in the list', () => {
    const body = cmeCommandBodies.CloseCase;
    expect(body.safeParse({ closedOn: '2026-11-20' }).success).toBe(false);
    expect(body.safeParse({ closedOn: '2026-11-20', destination: 'too_old' }).success).toBe(false);
  });

  it('take the moment of a report as an ISO instant with a zone', () => {
    const body = cmeCommandBodies.ReportToPolice;
    expect(body.safeParse({ reportedAt: '2026-11-05T16:00:00Z' }).success).toBe(true);
    expect(body.safeParse({ reportedAt: '2026-11-05T16:00:00+01:00' }).success).toBe(true);
    expect(body.safeParse({ reportedAt: '2026-11-05 16:00' }).success).toBe(false);
  });

  it('check the child as the child value objects do (UPN check letter, postcode)', () => {
    const body = cmeCommandBodies.ReceiveCmeReferral;
    const badUpn = { ...referralData, child: { ...referralData.child, upn: 'B123456789012' } };
    expect(body.safeParse(badUpn).success).toBe(false);
    const address = { lines: ['1 High St'], town: 'Southampton', postcode: 'not a postcode' };
    expect(body.safeParse({ ...referralData, child: { ...referralData.child, address } }).success).toBe(
      false,
    );
  });

  it('each render as a JSON Schema for the API document', () => {
    for (const [type, body] of Object.entries(cmeCommandBodies)) {
      expect(() => z.toJSONSchema(body, { io: 'input' }), type).not.toThrow();
    }
  });
});

describe('who may issue CME commands', () => {
  it('lists every command', () => {
    expect(Object.keys(cmeCommandRoles).sort()).toEqual(Object.keys(cmeCommandBodies).sort());
  });

  it.each([
    ['referrer', 'ReceiveCmeReferral', true],
    ['referrer', 'MakeCmeEnquiry', false],
    ['officer', 'ReportToPolice', true],
    ['officer', 'CloseCase', false],
    ['manager', 'CloseCase', true],
    ['senior', 'ReferToFairAccess', true],
    ['officer', 'ReferToFairAccess', false],
    ['auditor', 'AssessCmeRisk', false],
    // The deadline worker records clock events through the handler in-process; no person may.
    ['admin', 'RecordDeadlineMissed', false],
    ['manager', 'EscalateCase', false],
    ['admin', 'EstablishWhereabouts', false],
  ] as const)('%s may issue %s: %s', (role, type, allowed) => {
    expect(mayIssue(role, type, cmeCommandRoles)).toBe(allowed);
  });
});
