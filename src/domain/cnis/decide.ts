import { compulsorySchoolAge, type IsoDate, londonDate } from '../calendar/index.js';
import type { DecideContext } from '../context.js';
import { fail } from '../decider.js';
import { registerBasisOn } from '../register/commencement.js';
import type { CnisCommand } from './commands.js';
import { type CnisEvent, cnisEvent } from './events.js';
import type { CnisCase, CnisState } from './state.js';

/*
 * A school's arranged-absence pupil (EA 1996 s.436B(5)(b)-(c), inserted by CWSA 2026 s.38). Nothing here is
 * enforced before the register commences (`commencement.cnisRegister`): each event records whether the
 * register was kept under the duty that day or voluntarily, and the checks are the same either way.
 */

/** Kept under the s.436B(1) duty on the day, or voluntarily before it; s.436B is the section either way. */
const register = (ctx: DecideContext, on: IsoDate) => ({
  basis: registerBasisOn(ctx.policy.commencement.cnisRegister, on),
  legalBasis: 'CWSA2026_s436B' as const,
});

function notInFuture(date: IsoDate, field: string, ctx: DecideContext): void {
  if (date > londonDate(ctx.now)) fail.invalid('date_in_future', `${field} ${date} is after today`, field);
}

function openEntry(state: CnisState): CnisCase {
  if (state.status === 'none') fail.notFound('case_not_found', 'there is no arranged-absence entry');
  if (state.status === 'closed') fail.conflict('case_closed', 'this arrangement has ended');
  return state;
}

function notBefore(date: IsoDate, earliest: IsoDate, field: string): void {
  if (date < earliest)
    fail.invalid('date_before_previous_step', `${field} ${date} is before ${earliest}`, field);
}

export function decide(command: CnisCommand, state: CnisState, ctx: DecideContext): CnisEvent[] {
  switch (command.type) {
    case 'RecordArrangedAbsence': {
      const { data } = command;
      if (state.status !== 'none')
        fail.conflict('case_already_exists', 'this arranged absence has already been recorded');
      notInFuture(data.receivedOn, 'receivedOn', ctx);
      notInFuture(data.pupil.dateOfBirth, 'pupil.dateOfBirth', ctx);
      // s.436B(4) condition B: a pupil past compulsory school age can never be on the register. One not yet
      // of that age is kept: the register holds them from the prescribed day (s.8).
      if (data.receivedOn > compulsorySchoolAge(data.pupil.dateOfBirth).end) {
        fail.invalid(
          'not_of_compulsory_school_age',
          'the pupil is past compulsory school age: the register (s.436B(4)) cannot hold them',
          'pupil.dateOfBirth',
        );
      }
      return [cnisEvent('ArrangedAbsenceRecorded', { ...data, ...register(ctx, data.receivedOn) })];
    }
    case 'ChangeArrangedAbsence': {
      const entry = openEntry(state);
      const { arrangement } = command.data;
      notBefore(arrangement.from, entry.arrangement.from, 'arrangement.from');
      return [cnisEvent('ArrangedAbsenceChanged', { arrangement, ...register(ctx, arrangement.from) })];
    }
    case 'EndArrangedAbsence': {
      const entry = openEntry(state);
      const { data } = command;
      notBefore(data.lastDay, entry.arrangedSince, 'lastDay');
      if (data.reason === 'other' && !data.reasonText)
        fail.invalid(
          'reason_text_required',
          'an arrangement ended for another reason says why',
          'reasonText',
        );
      return [cnisEvent('ArrangedAbsenceEnded', { ...data, ...register(ctx, data.lastDay) })];
    }
  }
}
