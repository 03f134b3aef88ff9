import { childMatchKey } from '../domain/child.js';
import type { CaseRecord } from './case-summary.js';
import { isOpen } from './case-summary.js';
import type { ChildIndexMatch, ChildQuery } from './types.js';
import type { View, ViewQueries } from './view.js';

/**
 * Cases per child, open and closed, by UPN and by normalised names with date of birth: duplicate detection
 * at referral and "previously known to the service". A child's identity is fixed at referral, so a case
 * enters the index once and never moves.
 */
export interface ChildIndexView {
  byUpn: Map<string, string[]>;
  byNameAndBirth: Map<string, string[]>;
}

export const createChildIndexView = (): ChildIndexView => ({ byUpn: new Map(), byNameAndBirth: new Map() });

function addTo(index: Map<string, string[]>, key: string, caseId: string): void {
  const cases = index.get(key);
  if (!cases) index.set(key, [caseId]);
  else if (!cases.includes(caseId)) cases.push(caseId);
}

export function evolveChildIndex(
  view: ChildIndexView,
  before: CaseRecord | undefined,
  after: CaseRecord | undefined,
): void {
  if (before || !after) return;
  const { child, caseId } = after;
  if (child.upn) addTo(view.byUpn, child.upn.toUpperCase(), caseId);
  if (child.dateOfBirth) {
    addTo(view.byNameAndBirth, childMatchKey(child.givenName, child.familyName, child.dateOfBirth), caseId);
  }
}

export function childMatches(
  view: ChildIndexView,
  child: ChildQuery,
  records: ReadonlyMap<string, CaseRecord>,
): ChildIndexMatch[] {
  const found = new Map<string, ChildIndexMatch['matchedOn']>();
  for (const caseId of child.upn ? (view.byUpn.get(child.upn.trim().toUpperCase()) ?? []) : []) {
    found.set(caseId, 'upn');
  }
  let key: string | undefined;
  try {
    if (child.dateOfBirth !== undefined) {
      key = childMatchKey(child.givenName, child.familyName, child.dateOfBirth);
    }
  } catch {
    // Not a date: nothing can match on it, and the UPN may still have.
  }
  for (const caseId of key === undefined ? [] : (view.byNameAndBirth.get(key) ?? [])) {
    if (!found.has(caseId)) found.set(caseId, 'name_and_date_of_birth');
  }
  const matches: ChildIndexMatch[] = [];
  for (const [caseId, matchedOn] of found) {
    const record = records.get(caseId);
    if (!record) continue;
    matches.push({
      caseId,
      caseType: record.caseType,
      status: record.state.status,
      open: isOpen(record),
      matchedOn,
    });
  }
  // Open cases first: those are the duplicates; closed ones say the child was known before.
  return matches.sort((a, b) => Number(b.open) - Number(a.open));
}

export const childIndexView: View<'childIndex', ChildIndexView, Pick<ViewQueries, 'childIndex'>> = {
  name: 'childIndex',
  create: createChildIndexView,
  evolve: evolveChildIndex,
  queries: (view, { records }) => ({
    childIndex: { matches: (child) => childMatches(view, child, records) },
  }),
  compareCase(check, caseId, rebuilt, live) {
    const summary = rebuilt.caseSummary.get(caseId);
    if (summary?.child.dateOfBirth) {
      const child = { ...summary.child, dateOfBirth: summary.child.dateOfBirth };
      check(
        `child index for case ${caseId}`,
        rebuilt.childIndex.matches(child),
        live.childIndex.matches(child),
      );
    }
  },
};
