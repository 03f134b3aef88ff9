import { type IsoDate, yearGroup } from '../domain/calendar/index.js';
import { type RegisterBasis, registerBasisOn, statutorySince } from '../domain/register/commencement.js';
import { missingInformation } from '../domain/register/content.js';
import { eligibilityOn, type Ground } from '../domain/register/eligibility.js';
import type { CaseRecord } from './case-summary.js';
import {
  evolveRegisterCase,
  type RegisterCase,
  type RegisterLeaveReason,
  type RegisterPeriod,
  registerPeriods,
} from './register-facts.js';
import type { View, ViewQueries } from './view.js';

/*
 * The Children Not In School register (EA 1996 s.436B(1), inserted by CWSA 2026 s.38: "A local authority must
 * maintain a register of children who are eligible"), derived from the case events already in the log: no
 * stored event of its own. Every EHE case is an entry while its child is eligible; a CME case whose child is
 * located in the area and out of school is a candidate (the council has still to register the child).
 */

export type RegisterView = Map<string, RegisterCase>;

export type RegisterStanding = 'entry' | 'candidate';

export interface RegisterEntry {
  caseId: string;
  caseType: 'ehe' | 'cme';
  standing: RegisterStanding;
  givenName: string;
  familyName: string;
  dateOfBirth: IsoDate;
  yearGroup: number;
  /** The conditions met on the day, as the Act labels them: A, B and the limb(s) of C. */
  grounds: Ground[];
  /** The first day of the child's current stretch on the register. */
  onRegisterSince: IsoDate;
  /** Kept under the s.436B duty on the day asked, or voluntarily before its commencement. */
  basis: RegisterBasis;
  /** The first day of the current stretch kept under the duty: the later of its start and commencement. */
  statutorySince?: IsoDate;
  /** The s.436C mandatory information the council does not yet hold, by field (content.ts). */
  missing: string[];
}

export interface RegisterLeaver {
  caseId: string;
  caseType: 'ehe' | 'cme';
  standing: RegisterStanding;
  givenName: string;
  familyName: string;
  /** The last day on the register. */
  lastDay: IsoDate;
  reason: RegisterLeaveReason;
  /** Whether the register was kept under the duty on that last day. */
  basis: RegisterBasis;
}

export interface RegisterQuery {
  on: IsoDate;
  condition?: Ground;
  yearGroup?: number;
  standing?: RegisterStanding;
  /** `commencement.cnisRegister` of the policy; absent or null: not in force, every entry voluntary. */
  commencement?: IsoDate | null;
}

export interface RegisterQueries {
  /** The children on the register on the day, by family name, given name and case id. */
  on(query: RegisterQuery): RegisterEntry[];
  /** The children who left the register with a last day from `from` to `to` (both included), by day. */
  leavers(from: IsoDate, to: IsoDate, commencement?: IsoDate | null): RegisterLeaver[];
  /** One case's stretches on the register. */
  periods(caseId: string): RegisterPeriod[];
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

const standingOf = (entry: RegisterCase): RegisterStanding =>
  entry.caseType === 'ehe' ? 'entry' : 'candidate';

/** The register's order: family name, given name, case id. */
export const byName = (
  a: { familyName: string; givenName: string; caseId: string },
  b: { familyName: string; givenName: string; caseId: string },
) =>
  a.familyName.localeCompare(b.familyName) ||
  a.givenName.localeCompare(b.givenName) ||
  (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

function entryOn(
  caseId: string,
  entry: RegisterCase,
  record: CaseRecord | undefined,
  query: RegisterQuery,
): RegisterEntry | undefined {
  const { dateOfBirth } = entry;
  if (!record || dateOfBirth === undefined) return undefined;
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
    givenName: record.child.givenName,
    familyName: record.child.familyName,
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

export function registerQueries(
  view: RegisterView,
  records: ReadonlyMap<string, CaseRecord>,
): RegisterQueries {
  return {
    on(query) {
      const entries: RegisterEntry[] = [];
      for (const [caseId, entry] of view) {
        const found = entryOn(caseId, entry, records.get(caseId), query);
        if (found) entries.push(found);
      }
      return entries.sort(byName);
    },
    leavers(from, to, commencement) {
      const leavers: RegisterLeaver[] = [];
      for (const [caseId, entry] of view) {
        const record = records.get(caseId);
        if (!record) continue;
        for (const period of registerPeriods(entry)) {
          if (period.to === undefined || period.leftBecause === undefined) continue;
          if (period.to < from || period.to > to) continue;
          leavers.push({
            caseId,
            caseType: entry.caseType,
            standing: standingOf(entry),
            givenName: record.child.givenName,
            familyName: record.child.familyName,
            lastDay: period.to,
            reason: period.leftBecause,
            basis: registerBasisOn(commencement, period.to),
          });
        }
      }
      return leavers.sort((a, b) => (a.lastDay < b.lastDay ? -1 : a.lastDay > b.lastDay ? 1 : byName(a, b)));
    },
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
