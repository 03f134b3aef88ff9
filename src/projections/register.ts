import { yearGroup } from '../domain/calendar/index.js';
import { registerBasisOn, statutorySince } from '../domain/register/commencement.js';
import { missingInformation } from '../domain/register/content.js';
import { eligibilityOn } from '../domain/register/eligibility.js';
import type { CaseRecord } from './case-summary.js';
import { evolveRegisterCase, type RegisterCase, registerPeriods } from './register-facts.js';
import type {
  RegisterEntry,
  RegisterLeaver,
  RegisterQueries,
  RegisterQuery,
  RegisterStanding,
} from './register-types.js';
import type { View, ViewQueries } from './view.js';

/*
 * The Children Not In School register (EA 1996 s.436B(1), inserted by CWSA 2026 s.38: "A local authority must
 * maintain a register of children who are eligible"), derived from the case events already in the log: no
 * stored event of its own. Every EHE case is an entry while its child is eligible; a CME case whose child is
 * located in the area and out of school is a candidate (the council has still to register the child).
 */

export type RegisterView = Map<string, RegisterCase>;

export type { RegisterEntry, RegisterLeaver, RegisterQueries, RegisterQuery, RegisterStanding };

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/**
 * An EHE case is an entry, and so is a school's arranged-absence pupil (the school has reported what makes the
 * child eligible); a CME child located in the area is a candidate the council has still to register.
 */
const standings: Record<RegisterCase['caseType'], RegisterStanding> = {
  ehe: 'entry',
  cme: 'candidate',
  cnis: 'entry',
};
const standingOf = (entry: RegisterCase): RegisterStanding => standings[entry.caseType];

/** The register's order: family name, given name, case id. */
export const byName = (
  a: { familyName: string; givenName: string; caseId: string },
  b: { familyName: string; givenName: string; caseId: string },
) =>
  a.familyName.localeCompare(b.familyName) ||
  a.givenName.localeCompare(b.givenName) ||
  (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

function entryOn(caseId: string, entry: RegisterCase, query: RegisterQuery): RegisterEntry | undefined {
  const { dateOfBirth } = entry;
  if (dateOfBirth === undefined) return undefined;
  const eligibility = eligibilityOn(entry.facts, query.on);
  if (!eligibility.eligible) return undefined;
  const standing = standingOf(entry);
  const group = yearGroup(dateOfBirth, query.on);
  if (query.standing !== undefined && standing !== query.standing) return undefined;
  if (query.yearGroup !== undefined && group !== query.yearGroup) return undefined;
  if (query.condition !== undefined && !eligibility.grounds.includes(query.condition)) return undefined;
  const since = registerPeriods(entry).findLast((period) => period.from <= query.on)?.from ?? query.on;
  return {
    caseId,
    caseType: entry.caseType,
    standing,
    ...entry.names,
    dateOfBirth,
    yearGroup: group,
    grounds: eligibility.grounds,
    onRegisterSince: since,
    basis: registerBasisOn(query.commencement, query.on),
    ...optional('statutorySince', statutorySince(query.commencement, since, query.on)),
    // The provider threshold is left to regulations, none made: every provider recorded is reported in full.
    missing: missingInformation(entry.content, query.on, null),
  };
}

/** `records`: the case records, for the state of an EHE entry's register duties (awaitingDuties). */
export function registerQueries(
  view: RegisterView,
  records: ReadonlyMap<string, CaseRecord>,
): RegisterQueries {
  return {
    on(query) {
      const entries: RegisterEntry[] = [];
      for (const [caseId, entry] of view) {
        const found = entryOn(caseId, entry, query);
        if (found) entries.push(found);
      }
      return entries.sort(byName);
    },
    leavers(from, to, commencement) {
      const leavers: RegisterLeaver[] = [];
      for (const [caseId, entry] of view) {
        for (const period of registerPeriods(entry)) {
          if (period.to === undefined || period.leftBecause === undefined) continue;
          if (period.to < from || period.to > to) continue;
          leavers.push({
            caseId,
            caseType: entry.caseType,
            standing: standingOf(entry),
            ...entry.names,
            lastDay: period.to,
            reason: period.leftBecause,
            basis: registerBasisOn(commencement, period.to),
          });
        }
      }
      return leavers.sort((a, b) => (a.lastDay < b.lastDay ? -1 : a.lastDay > b.lastDay ? 1 : byName(a, b)));
    },
    awaitingDuties(on, commencement) {
      if (on < commencement) return [];
      const awaiting: string[] = [];
      for (const [caseId, entry] of view) {
        const record = records.get(caseId);
        if (entry.caseType !== 'ehe' || record?.caseType !== 'ehe' || record.state.status === 'closed')
          continue;
        const { register, clocks } = record.state;
        if (register.homeVisit || register.dutiesCommencedOn || clocks.registerHomeVisitDecision) continue;
        if (entryOn(caseId, entry, { on, commencement })) awaiting.push(caseId);
      }
      return awaiting;
    },
    reportedChild: (caseId) => view.get(caseId)?.reported,
    periods(caseId) {
      const entry = view.get(caseId);
      return entry ? registerPeriods(entry) : [];
    },
  };
}

export const registerView: View<'register', RegisterView, Pick<ViewQueries, 'register'>> = {
  name: 'register',
  create: () => new Map(),
  evolve(view, _before, _after, change) {
    const previous = view.get(change.caseId);
    const next = evolveRegisterCase(previous, change);
    if (next && next !== previous) view.set(change.caseId, next);
  },
  queries: (view, { records }) => ({ register: registerQueries(view, records) }),
  compare(check, _state, rebuilt, live, today) {
    check('the register today', rebuilt.register.on({ on: today }), live.register.on({ on: today }));
  },
};
