import type { Policy } from '../../domain/policy.js';
import type { Figure } from '../../projections/types.js';
import { breakdownRows, monthRows, tableOnly } from './figures.js';
import { labelFrom } from './labels.js';
import type { Section } from './section.js';

type Months = readonly Record<string, Figure | string>[];

/** A breakdown drawn as bars, its table listing every key the JSON has at `path`. */
export function breakdownSection(
  heading: Pick<Section, 'id' | 'title' | 'description'>,
  breakdown: Readonly<Record<string, Figure>>,
  path: readonly string[],
  labelOf: (key: string) => string,
  order?: readonly string[],
): Section {
  return { ...heading, chart: 'bars', covers: path, rows: breakdownRows(breakdown, path, labelOf, order) };
}

/** The sections both reports have: by month, returns to school, and where missing children were found. */
export const newRegistrationsByMonth = (byMonth: Months): Section => ({
  id: 'newRegistrations',
  title: 'New registrations by month',
  description: 'Children newly registered as home educated, by month',
  chart: 'columns',
  rows: monthRows(byMonth, 'eheNewRegistrations'),
});

export const returnsToSchoolByMonth = (byMonth: Months, total: Figure, totalLabel: string): Section => ({
  id: 'returnsToSchool',
  title: 'Returns to school',
  description: 'Children who returned to school from home education, by month',
  chart: 'columns',
  rows: [
    ...monthRows(byMonth, 'returnsToSchool'),
    tableOnly('total', totalLabel, total, ['ehe', 'returnsToSchool'], 'count'),
  ],
});

export const cmeDestinations = (
  closedByDestination: Readonly<Record<string, Figure>>,
  policy: Policy,
  period: string,
): Section =>
  breakdownSection(
    {
      id: 'cmeDestinations',
      title: 'Children missing education: where they were found',
      description: `Children missing education cases closed in the ${period}, by destination`,
    },
    closedByDestination,
    ['cme', 'closedByDestination'],
    labelFrom(policy.codes.cmeClosureReasons),
  );
