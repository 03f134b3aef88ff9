import type { IsoDate } from '../domain/calendar/index.js';
import type { CaseRecord } from './case-summary.js';
import { isOpen, officerOf, type SummaryOf } from './case-summary.js';
import type { CaseSummary } from './types.js';
import type { View, ViewQueries } from './view.js';
import { recordChanged } from './view.js';

/** Each officer's open cases. Ordering is done when asked: priority and due dates move without touching this. */
export type CaseloadView = Map<string, Set<string>>;

export const createCaseloadView = (): CaseloadView => new Map();

const holder = (record: CaseRecord | undefined) => (record && isOpen(record) ? officerOf(record) : undefined);

export function evolveCaseload(
  view: CaseloadView,
  before: CaseRecord | undefined,
  after: CaseRecord | undefined,
): void {
  if (!recordChanged(before, after)) return;
  const was = holder(before);
  const is = holder(after);
  if (was === is) return;
  const caseId = (after ?? before)?.caseId;
  if (caseId === undefined) return;
  if (was !== undefined) {
    const cases = view.get(was);
    cases?.delete(caseId);
    if (cases?.size === 0) view.delete(was);
  }
  if (is !== undefined) {
    let cases = view.get(is);
    if (!cases) {
      cases = new Set();
      view.set(is, cases);
    }
    cases.add(caseId);
  }
}

/** Priority cases first, then the nearest due date (cases with no open clock last), then by case id. */
export function compareForCaseload(a: CaseSummary, b: CaseSummary): number {
  if (a.priority !== b.priority) return a.priority ? -1 : 1;
  const dueA = a.nextDueOn ?? '9999-12-31';
  const dueB = b.nextDueOn ?? '9999-12-31';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

export function caseloadFor(
  view: CaseloadView,
  officerId: string,
  records: ReadonlyMap<string, CaseRecord>,
  today: IsoDate,
  summaryOf: SummaryOf,
): CaseSummary[] {
  const summaries: CaseSummary[] = [];
  for (const caseId of view.get(officerId) ?? []) {
    const record = records.get(caseId);
    if (record) summaries.push(summaryOf(record, today));
  }
  return summaries.sort(compareForCaseload);
}

/** Sorted caseloads are cached, valid while no case event and no day has passed since they were sorted. */
export const caseloadView: View<'caseload', CaseloadView, Pick<ViewQueries, 'caseload'>> = {
  name: 'caseload',
  create: createCaseloadView,
  evolve: evolveCaseload,
  queries(view, { today, position, records, summaryOf }) {
    let caseloads = { today: '', position: -2n, byOfficer: new Map<string, readonly CaseSummary[]>() };
    return {
      caseload: {
        forOfficer(officerId) {
          const day = today();
          const at = position();
          if (caseloads.today !== day || caseloads.position !== at) {
            caseloads = { today: day, position: at, byOfficer: new Map() };
          }
          let caseload = caseloads.byOfficer.get(officerId);
          if (!caseload) {
            caseload = caseloadFor(view, officerId, records, day, summaryOf);
            caseloads.byOfficer.set(officerId, caseload);
          }
          return caseload;
        },
      },
    };
  },
  compare(check, view, rebuilt, live) {
    for (const officerId of view.keys()) {
      check(
        `caseload of ${officerId}`,
        rebuilt.caseload.forOfficer(officerId),
        live.caseload.forOfficer(officerId),
      );
    }
  },
};
