import { describe, expect, it } from 'vitest';
import { cmeDecider, cmeEvent } from '../../../src/domain/cme/index.js';
import { newPupilReturnDueBy } from '../../../src/domain/new-pupil-return.js';
import { command, given, history, referral } from './fixtures.js';

const onRoll = () => referral({ source: 'continuous_absence_ten_school_days' });
const stateAfter = (...commands: Parameters<typeof history>) =>
  history(...commands).reduce(cmeDecider.evolve, cmeDecider.initialState());

describe("a CME child's primary reason (DfE CME collection, since autumn 2023)", () => {
  it('changes by a command, recording what it was', () => {
    given(history(referral()))
      .when(
        command('ChangeCmePrimaryReason', {
          changedOn: '2026-11-10',
          primaryReason: { code: 'awaiting_school_place' },
        }),
      )
      .then([
        cmeEvent('CmePrimaryReasonChanged', {
          changedOn: '2026-11-10',
          primaryReason: { code: 'awaiting_school_place' },
          previous: { code: 'whereabouts_unknown' },
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
  });

  it("is one of the policy's codes, and a change to the same reason is refused", () => {
    given(history(referral()))
      .when(
        command('ChangeCmePrimaryReason', { changedOn: '2026-11-10', primaryReason: { code: 'lifestyle' } }),
      )
      .then('invalid_reason_code', 'primaryReason.code');
    given(history(referral()))
      .when(
        command('ChangeCmePrimaryReason', {
          changedOn: '2026-11-10',
          primaryReason: { code: 'whereabouts_unknown' },
        }),
      )
      .then('no_change', 'primaryReason');
  });
});

describe('the day the child has been missing education since', () => {
  it('is recorded, and may be set back to unknown', () => {
    const known = command('RecordMissingSince', { recordedOn: '2026-11-10', missingSince: '2026-09-01' });
    expect(stateAfter(referral(), known)).toMatchObject({ missingSince: '2026-09-01' });
    given(history(referral(), known))
      .when(command('RecordMissingSince', { recordedOn: '2026-11-11', missingSince: null }))
      .then([
        cmeEvent('CmeMissingSinceRecorded', {
          recordedOn: '2026-11-11',
          missingSince: null,
          previous: '2026-09-01',
          legalBasis: 'EA1996_s436A',
          decidedBy: 'officer-asha',
        }),
      ]);
  });

  it('cannot be after the day it is recorded on', () => {
    given(history(referral()))
      .when(command('RecordMissingSince', { recordedOn: '2026-11-10', missingSince: '2026-11-12' }))
      .then('contradictory_fields', 'missingSince');
  });
});

describe('a child referred while still on a school roll (s.436A(1)(a); 2024 Regulations regs 9, 13)', () => {
  it('is worked like CME from the referral: its clocks start as any CME case', () => {
    expect(stateAfter(onRoll())).toMatchObject({
      rollStatus: 'on_roll',
      leftRollOn: null,
      clocks: { allocation: {}, cmeTracingReview: {} },
    });
  });

  it("leaves the roll on the school's deletion date, recorded by an event", () => {
    const left = command('RecordLeftRoll', { deletedOn: '2026-11-16' });
    expect(stateAfter(onRoll(), left)).toMatchObject({ rollStatus: 'off_roll', leftRollOn: '2026-11-16' });
  });

  it('cannot leave a roll it was not on, nor leave it twice', () => {
    const left = command('RecordLeftRoll', { deletedOn: '2026-11-16' });
    given(history(referral())).when(left).then('not_on_roll', 'deletedOn');
    given(history(onRoll(), left)).when(left).then('not_on_roll', 'deletedOn');
  });
});

describe("a school's new pupil return naming the child (reg 13(1), 2024 Regulations)", () => {
  const found = command('RecordFoundOnRollByReturn', {
    returnId: '2f4e6d8c-0a1b-4c3d-9e5f-7a6b5c4d3e2f',
    school: { name: 'Weston Lane School' },
    onRollFrom: '2026-11-16',
    receivedOn: '2026-11-17',
    matchedOn: 'upn',
  });

  it('records the child found on roll, ends the tracing and proposes closure to the officer', () => {
    const state = stateAfter(referral(), found);
    expect(state).toMatchObject({
      whereabouts: { kind: 'on_roll', school: { name: 'Weston Lane School' }, onRollFrom: '2026-11-16' },
      closureProposal: { destination: 'on_roll', proposedOn: '2026-11-17' },
      status: 'open',
    });
    expect(state).not.toHaveProperty('clocks.cmeTracingReview');
  });

  it('leaves a child already found as found', () => {
    given(history(referral(), found)).when(found).then('whereabouts_known');
  });
});

describe('when a new pupil return is due', () => {
  it('is the end of the fifth day after the pupil was entered in the admission register', () => {
    expect(newPupilReturnDueBy('2025-12-01')).toBe('2025-12-06');
    expect(newPupilReturnDueBy('2028-02-27')).toBe('2028-03-03');
  });
});
