import type { IsoDate } from '../domain/calendar/index.js';
import { type RegisterBasis, registerBasisOn } from '../domain/register/commencement.js';
import type { Ground } from '../domain/register/eligibility.js';
import type { RegisterEntry, RegisterStanding } from './register-types.js';
import { yearGroupKey } from './statistics-reports.js';

/** The register's figures for a committee (issue 18 item 5): on the period's last day, by s.436B condition and year group. */
export interface RegisterCounts {
  on: IsoDate;
  basis: RegisterBasis;
  /** Children on the register that day: EHE entries and CME candidates (see `byStanding`). */
  total: number;
  byStanding: Record<RegisterStanding, number>;
  /** How many meet each condition: a child meets A, B and at least one limb of C, so these overlap. */
  byCondition: Record<Ground, number>;
  /** The DfE's year labels (Reception, Year 1 … Year 11). */
  byYearGroup: Record<string, number>;
}

export function registerCounts(
  entries: readonly RegisterEntry[],
  on: IsoDate,
  commencement: IsoDate | null | undefined,
): RegisterCounts {
  const byStanding: Record<RegisterStanding, number> = { entry: 0, candidate: 0 };
  const byCondition: Record<Ground, number> = { A: 0, B: 0, 'C(a)': 0, 'C(b)': 0, 'C(c)': 0 };
  const byYearGroup: Record<string, number> = Object.create(null);
  for (const entry of entries) {
    byStanding[entry.standing] += 1;
    for (const ground of entry.grounds) byCondition[ground] += 1;
    const label = yearGroupKey(entry.dateOfBirth, on);
    byYearGroup[label] = (byYearGroup[label] ?? 0) + 1;
  }
  return {
    on,
    basis: registerBasisOn(commencement, on),
    total: entries.length,
    byStanding,
    byCondition,
    byYearGroup,
  };
}
