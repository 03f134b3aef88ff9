import type { IsoDate } from '../domain/calendar/index.js';
import type { CommitteeReport, PopulationShare } from './types.js';

/** The policy's school population for an academic year ('2025-26'), or null when it gives none. */
export function populationOf(
  schoolPopulation: Readonly<Record<string, number>>,
  label: string,
): number | null {
  const population = schoolPopulation[label];
  return population !== undefined && population > 0 ? population : null;
}

/**
 * A count per 100 pupils, to two decimal places: the DfE publishes EHE as `rate_per_100` of the pupil
 * population, and the councils' committee reports as a percentage of it (Southampton: 1.21% → 1.46%), which
 * is the same number. Always from the exact count, never a rounded one.
 */
export function per100Pupils(count: number, population: number | null): number | null {
  return population === null ? null : Math.round((count * 10_000) / population) / 100;
}

/** '2026-05-20' → '2025-26', by its digits alone, so a period the reports accept never throws here. */
function academicYearLabelOf(date: IsoDate): string {
  const [year = '0', month = '0'] = date.split('-');
  const startYear = Number(year) - (Number(month) >= 9 ? 0 : 1);
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * The committee's rates: the open cases at the end of the period per 100 pupils of the academic year the
 * period ends in, and EHE's share in each academic year the policy gives a population for, up to that one.
 */
export function populationRates(
  schoolPopulation: Readonly<Record<string, number>>,
  to: IsoDate,
  openAtEnd: { ehe: number; cme: number },
  eheAtAnyPoint: (academicYear: string) => number,
): CommitteeReport['rates'] {
  const academicYear = academicYearLabelOf(to);
  const population = populationOf(schoolPopulation, academicYear);
  const eheShareByAcademicYear: PopulationShare[] = [];
  for (const label of Object.keys(schoolPopulation).sort()) {
    const yearPopulation = populationOf(schoolPopulation, label);
    if (yearPopulation === null || label > academicYear) continue;
    const atAnyPoint = eheAtAnyPoint(label);
    eheShareByAcademicYear.push({
      academicYear: label,
      schoolPopulation: yearPopulation,
      eheAtAnyPoint: atAnyPoint,
      eheAtAnyPointPer100Pupils: per100Pupils(atAnyPoint, yearPopulation) ?? 0,
    });
  }
  return {
    academicYear,
    schoolPopulation: population,
    eheOpenAtEndPer100Pupils: per100Pupils(openAtEnd.ehe, population),
    cmeOpenAtEndPer100Pupils: per100Pupils(openAtEnd.cme, population),
    eheShareByAcademicYear,
  };
}
