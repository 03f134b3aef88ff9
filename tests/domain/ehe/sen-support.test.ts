import { describe, it } from 'vitest';
import { command, given, history, referral } from './fixtures.js';

const senSupport = (changedOn: string) =>
  command({ type: 'RecordSenSupport', data: { changedOn, senStatus: 'K' } });
const planEnded = command({
  type: 'ChangePriorityFlags',
  data: { changedOn: '2026-06-10', flags: [], toldBy: 'send_service' },
});
const withPlan = () =>
  referral({ child: { ...(referral().data as { child: object }).child, senStatus: 'E' } } as never);

describe('SEN support after referral (CFA 2014 s.20; the school census code K)', () => {
  it('is recorded from a date, by whom', () => {
    given(history(referral()).events)
      .when(senSupport('2026-06-08'))
      .then([
        {
          type: 'SenSupportRecorded',
          data: { changedOn: '2026-06-08', senStatus: 'K', recordedBy: 'manager-1' },
        },
      ]);
  });

  it('is not for a day an EHC plan is maintained (s.37): the plan ends through the ehcp flag first', () => {
    given(history(withPlan()).events)
      .when(senSupport('2026-06-08'))
      .then('not_for_child_with_ehc_plan', 'senStatus');
    given(history(withPlan(), planEnded).events).when(senSupport('2026-06-10')).thenAccepted();
  });

  it('is not dated before the referral', () => {
    given(history(referral()).events)
      .when(senSupport('2026-05-20'))
      .then('date_before_referral', 'changedOn');
  });
});
