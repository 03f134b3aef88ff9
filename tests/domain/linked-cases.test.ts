import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/decider.js';
import {
  checkReferralAccepted,
  cmeReferralFromEheCase,
  eheReferralFromCmeCase,
} from '../../src/domain/linked-cases.js';
import * as cme from './cme/fixtures.js';
import * as ehe from './ehe/fixtures.js';

describe('an EHE case reclassified as CME', () => {
  const step = {
    reclassifiedOn: '2026-06-10',
    cmeCaseId: ehe.CME_CASE_ID,
    reason: 'The family cannot be found.',
  };

  it('opens a CME case for the child the EHE referral named, citing the EHE case', () => {
    const referredChild = (ehe.referral().data as { child: object }).child;
    const { events } = ehe.history(ehe.referral(), ehe.allocate());
    expect(cmeReferralFromEheCase(ehe.CASE_ID, events, step)).toEqual({
      type: 'ReceiveCmeReferral',
      data: {
        caseId: ehe.CME_CASE_ID,
        receivedOn: '2026-06-10',
        source: 'ehe_judged_unsuitable',
        child: referredChild,
        parentsCarers: [],
        whatIsKnown: 'The family cannot be found.',
        primaryReason: { code: 'unsuitable_home_education' },
        missingSince: '2026-06-10',
        eheCaseId: ehe.CASE_ID,
      },
    });
  });

  it('is refused for a case with no referral', () => {
    expect(() => cmeReferralFromEheCase(ehe.CASE_ID, [], step)).toThrow(
      expect.objectContaining({ code: 'case_not_found' }),
    );
  });
});

describe('a CME child found to be home educated', () => {
  const step = { eheCaseId: cme.eheCaseId, establishedOn: '2026-11-20' };
  const dataOf = (events: Parameters<typeof eheReferralFromCmeCase>[1]) =>
    eheReferralFromCmeCase(cme.caseId, events, step).data;

  it('opens an EHE case from the CME case, starting home education on the day it was established', () => {
    expect(dataOf(cme.history(cme.referral()))).toMatchObject({
      caseId: cme.eheCaseId,
      receivedOn: '2026-11-20',
      source: 'cme_case',
      cmeCaseId: cme.caseId,
      eheStartDate: '2026-11-20',
      parentsCarers: [],
      previousSchoolType: 'other_or_unknown',
      placedAtSpecialSchoolByCouncil: false,
      otherReasons: [],
      priorityFlags: [],
    });
  });

  it('takes the address of the latest whereabouts established over the one the referral gave', () => {
    const events = cme.history(cme.referral(), cme.allocated(), cme.found());
    expect(dataOf(events).child.address).toEqual(cme.inArea.address);
  });

  it('keeps the referral address when the whereabouts found carry none (on roll elsewhere)', () => {
    const onRoll = { kind: 'on_roll' as const, school: { name: 'Cantell School' }, onRollFrom: '2026-11-09' };
    const events = cme.history(cme.referral(), cme.allocated(), cme.found(onRoll));
    expect(dataOf(events).child.address).toEqual(cme.referralData.child.address);
  });

  it.each([
    ['the date of birth', { ...cme.referralData.child, dateOfBirth: undefined }, 'dateOfBirth'],
    ['an address', { ...cme.referralData.child, address: undefined }, 'address'],
  ])('needs %s first', (_, child, field) => {
    const events = cme.history(cme.referral({ child }));
    let thrown: unknown;
    try {
      dataOf(events);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ kind: 'invalid', code: 'field_required' });
    expect((thrown as Error).message).toContain(`the child's ${field}`);
  });
});

describe('the referral of a linked case', () => {
  const cmeReferral = (data: Partial<typeof cme.referralData> = {}) => ({
    caseType: 'cme' as const,
    command: { type: 'ReceiveCmeReferral' as const, data: { ...cme.referralData, ...data } },
  });

  it('is accepted when its decider would accept it on a new case', () => {
    expect(() => checkReferralAccepted(cmeReferral(), cme.context)).not.toThrow();
  });

  it('is refused as its decider refuses it', () => {
    expect(() =>
      checkReferralAccepted(cmeReferral({ source: 'ehe_judged_unsuitable' }), cme.context),
    ).toThrow(expect.objectContaining({ code: 'field_required', field: 'eheCaseId' }));
  });
});
