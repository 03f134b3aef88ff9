import { addCalendarDays, type IsoDate } from '../domain/calendar/index.js';
import type { CnisEvent } from '../domain/cnis/events.js';
import type { ArrangementEndReason, ArrangementKind } from '../domain/cnis/values.js';
import type { RegisterLeaveReason } from './register-types.js';

/*
 * A school's arranged-absence pupil on the register (EA 1996 s.436B(5)(b)-(c), inserted by CWSA 2026 s.38):
 * the stretches of each arrangement as the school reported and changed them, turned into the register's
 * dated steps. The school's report puts the pupil in the area (its home address) and on its roll throughout.
 */

/** Which limb of condition C an arrangement meets: (5)(b) education elsewhere, or (5)(c) part-time student. */
export type ArrangedLimb = 'elsewhere' | 'part_time_student';

export interface ArrangementStretch {
  from: IsoDate;
  /** The last day agreed, or the last day once ended. */
  until?: IsoDate;
  limb: ArrangedLimb;
}

export interface ArrangedAbsenceHistory {
  stretches: readonly ArrangementStretch[];
  ended?: { lastDay: IsoDate; because: RegisterLeaveReason };
}

/** The register step of one day: the whole state from that day (register-facts.ts `RegisterStep`). */
export interface ArrangedStep {
  on: IsoDate;
  livesInArea: boolean;
  onRoll: true;
  arranged?: ArrangedLimb;
  because?: RegisterLeaveReason;
}

const limbOf = (kind: ArrangementKind): ArrangedLimb =>
  kind === 'part_time_student' ? 'part_time_student' : 'elsewhere';

/** A full-time return is the Act's "on roll full-time"; a move or death ends condition A as on any case. */
const endReasons: Record<ArrangementEndReason, RegisterLeaveReason> = {
  returned_full_time: 'on_roll',
  left_school: 'left_school',
  moved_out_of_area: 'moved_out_of_area',
  died: 'died',
  other: 'case_closed',
};

const earlier = (a: IsoDate | undefined, b: IsoDate): IsoDate => (a !== undefined && a < b ? a : b);

/** The stretches before `day`, the last one cut to end the day before. */
function cutBefore(stretches: readonly ArrangementStretch[], day: IsoDate): ArrangementStretch[] {
  const dayBefore = addCalendarDays(day, -1);
  return stretches
    .filter((stretch) => stretch.from < day)
    .map((stretch) => ({ ...stretch, until: earlier(stretch.until, dayBefore) }));
}

export function evolveArrangedAbsence(
  history: ArrangedAbsenceHistory | undefined,
  event: CnisEvent,
): ArrangedAbsenceHistory | undefined {
  switch (event.type) {
    case 'ArrangedAbsenceRecorded':
    case 'ArrangedAbsenceChanged': {
      const { from, until, kind } = event.data.arrangement;
      const stretch = { from, ...(until ? { until } : {}), limb: limbOf(kind) };
      return { stretches: [...cutBefore(history?.stretches ?? [], from), stretch] };
    }
    case 'ArrangedAbsenceEnded': {
      if (!history) return history;
      const { lastDay, reason } = event.data;
      const stretches = cutBefore(history.stretches, addCalendarDays(lastDay, 1));
      return { stretches, ended: { lastDay, because: endReasons[reason] } };
    }
  }
}

/** The register's steps: each stretch from its first day, and the day after one ends without another. */
export function arrangedAbsenceSteps({ stretches, ended }: ArrangedAbsenceHistory): ArrangedStep[] {
  const steps: ArrangedStep[] = [];
  stretches.forEach((stretch, index) => {
    steps.push({ on: stretch.from, livesInArea: true, onRoll: true, arranged: stretch.limb });
    if (stretch.until === undefined) return;
    const after = addCalendarDays(stretch.until, 1);
    if (stretches[index + 1]?.from === after) return;
    const because = ended?.lastDay === stretch.until ? ended.because : 'arrangement_ended';
    const livesInArea = because !== 'moved_out_of_area' && because !== 'died';
    steps.push({ on: after, livesInArea, onRoll: true, because });
  });
  return steps;
}
