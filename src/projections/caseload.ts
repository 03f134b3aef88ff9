import type { IsoDate } from '../domain/calendar/index.js';
import type { CaseRecord } from './case-summary.js';
import { isOpen, officerOf, type SummaryOf } from './case-summary.js';
import type { CaseSummary } from './types.js';
import type { View, ViewQueries } from './view.js';
import { recordChanged } from './view.js';

/**
 * Each officer's open cases, and a revision per officer that moves whenever one of their cases changes (or
 * joins or leaves them), so that an officer's sorted list, and the API's serialised pages of it, are kept
 * until their own cases change rather than until any case anywhere does. Ordering is done when asked.
 */
export interface CaseloadView {
  byOfficer: Map<string, Set<string>>;
  revisionOf: Map<string, number>;
}

export const createCaseloadView = (): CaseloadView => ({ byOfficer: new Map(), revisionOf: new Map() });

const holder = (record: CaseRecord | undefined) => (record && isOpen(record) ? officerOf(record) : undefined);

function touch(view: CaseloadView, officerId: string | undefined): void {
  if (officerId !== undefined) view.revisionOf.set(officerId, (view.revisionOf.get(officerId) ?? 0) + 1);
}

export function evolveCaseload(
  view: CaseloadView,
  before: CaseRecord | undefined,
  after: CaseRecord | undefined,
): void {
  if (!recordChanged(before, after)) return;
  const was = holder(before);
  const is = holder(after);
  touch(view, was);
  if (is !== was) touch(view, is);
  if (was === is) return;
  const caseId = (after ?? before)?.caseId;
  if (caseId === undefined) return;
  if (was !== undefined) {
    const cases = view.byOfficer.get(was);
    cases?.delete(caseId);
    if (cases?.size === 0) view.byOfficer.delete(was);
  }
  if (is !== undefined) {
    let cases = view.byOfficer.get(is);
    if (!cases) {
      cases = new Set();
      view.byOfficer.set(is, cases);
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
  for (const caseId of view.byOfficer.get(officerId) ?? []) {
    const record = records.get(caseId);
    if (record) summaries.push(summaryOf(record, today));
  }
  return summaries.sort(compareForCaseload);
}

/**
 * Each officer's sorted caseload is kept, the same array, while the day and that officer's revision stay
 * put: callers may key work on its identity (the API keeps each page's JSON for it).
 */
export const caseloadView: View<'caseload', CaseloadView, Pick<ViewQueries, 'caseload'>> = {
  name: 'caseload',
  create: createCaseloadView,
  evolve: evolveCaseload,
  queries(view, { today, records, summaryOf }) {
    const sorted = new Map<string, { today: IsoDate; revision: number; caseload: readonly CaseSummary[] }>();
    return {
      caseload: {
        forOfficer(officerId) {
          const day = today();
          const revision = view.revisionOf.get(officerId) ?? 0;
          const kept = sorted.get(officerId);
          if (kept?.today === day && kept.revision === revision) return kept.caseload;
          const caseload = caseloadFor(view, officerId, records, day, summaryOf);
          sorted.set(officerId, { today: day, revision, caseload });
          return caseload;
        },
      },
    };
  },
  compare(check, view, rebuilt, live) {
    for (const officerId of view.byOfficer.keys()) {
      check(
        `caseload of ${officerId}`,
        rebuilt.caseload.forOfficer(officerId),
        live.caseload.forOfficer(officerId),
      );
    }
  },
};
