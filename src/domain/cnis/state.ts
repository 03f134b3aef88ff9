import type { IsoDate } from '../calendar/index.js';
import type { ClockName, OpenClock } from '../clocks.js';
import type { CnisEventData } from './events.js';
import type { Arrangement, ArrangementEndReason } from './values.js';

/**
 * A school's arranged-absence pupil on the register. No officer is allocated and no clock runs: the pupil
 * stays on the school's roll, and the school answers for the arrangement; the fields the other case types
 * share are kept so the generic readers (history, state) read it alike.
 */
export interface CnisCase {
  status: 'open' | 'closed';
  caseId: string;
  referredOn: IsoDate;
  pupil: CnisEventData<'ArrangedAbsenceRecorded'>['pupil'];
  school: CnisEventData<'ArrangedAbsenceRecorded'>['school'];
  /** The arrangement in force now (the latest change), and the day the first one began. */
  arrangement: Arrangement;
  arrangedSince: IsoDate;
  ended: { lastDay: IsoDate; reason: ArrangementEndReason } | null;
  allocatedOfficer: null;
  clocks: Partial<Record<ClockName, OpenClock>>;
  possibleDuplicateOf: string[];
}

export type CnisState = { status: 'none' } | CnisCase;

export const initialCnisState = (): CnisState => ({ status: 'none' });

export const isCnisCase = (state: CnisState): state is CnisCase => state.status !== 'none';
