import type { IsoDate } from '../domain/calendar/index.js';
import type { SenStatus, Sex } from '../domain/child.js';
import { nameSkeleton } from '../domain/name-skeleton.js';
import type { RegisterBasis } from '../domain/register/commencement.js';
import type { Ground } from '../domain/register/eligibility.js';
import type { RegisterEntry, RegisterStanding } from './register-types.js';

/*
 * The register as record-level data, one record per child: the shape a DfE register return is expected to
 * take, anticipated from the collection the DfE runs today for children's social care (the children in need
 * census: one child-level record, identified by LAchildID, UPN, PersonBirthDate and Sex, N00783 F/M/U). No
 * register return has been specified yet; where the census has an item its name is used, the register's own
 * facts (eligibility, basis, what is missing) are named plainly. Addresses and parents' names stay out: the
 * council's own CSV and the case record hold them.
 */

/** What the export adds from the case record: the child's identifiers the register view does not keep. */
export interface ChildIdentifiers {
  upn?: string | undefined;
  sex: Sex;
  /** As at the reference date, from the case's dated history. */
  senStatus: SenStatus | 'unknown';
}

export interface RegisterRecord {
  /** The council's own id for the child: the case id of the child's register entry. */
  LAchildID: string;
  UPN: string | null;
  PersonBirthDate: IsoDate;
  Sex: Sex;
  /** National curriculum year by age on the reference date: R, 1 … 11. */
  NCyearActual: string;
  eligibility: {
    /** The s.436B conditions met on the reference date, as the Act labels them. */
    conditions: Ground[];
    standing: RegisterStanding;
    onRegisterSince: IsoDate;
    basis: RegisterBasis;
    statutorySince?: IsoDate;
  };
  /** SEN provision as the school census codes it (N none, K SEN support, E EHC plan); null when not known. */
  senProvision: SenStatus | null;
  /** The s.436C mandatory information the council does not hold yet. */
  missingInformation: string[];
  /** Every case of this child on the register on the day (a child both home educated and traced, say). */
  caseIds: string[];
}

/**
 * One child, however many of their cases are on the register: the same UPN, or else the same names (compared
 * by their confusable skeleton, as duplicates are) and date of birth.
 */
function childKey(entry: RegisterEntry, child: ChildIdentifiers): string {
  if (child.upn) return `upn:${child.upn}`;
  return `name:${nameSkeleton(entry.familyName)}\u0000${nameSkeleton(entry.givenName)}\u0000${entry.dateOfBirth}`;
}

/** The entry a child's record is made from: an entry before a candidate, then the longest on the register. */
const primaryFirst = (a: RegisterEntry, b: RegisterEntry) =>
  (a.standing === b.standing ? 0 : a.standing === 'entry' ? -1 : 1) ||
  a.onRegisterSince.localeCompare(b.onRegisterSince) ||
  a.caseId.localeCompare(b.caseId);

const ncYear = (yearGroup: number) => (yearGroup === 0 ? 'R' : String(yearGroup));

/** The register on a day as one record per child, in the register's own order (family name, given name). */
export function registerRecords(
  entries: readonly RegisterEntry[],
  childOf: (caseId: string) => ChildIdentifiers | undefined,
): RegisterRecord[] {
  const byChild = new Map<string, { child: ChildIdentifiers; entries: RegisterEntry[] }>();
  for (const entry of entries) {
    const child = childOf(entry.caseId);
    if (!child) continue;
    const key = childKey(entry, child);
    const found = byChild.get(key);
    if (found) found.entries.push(entry);
    else byChild.set(key, { child, entries: [entry] });
  }
  return [...byChild.values()].map(({ child, entries: ofChild }) => {
    const [primary, ...others] = [...ofChild].sort(primaryFirst) as [RegisterEntry, ...RegisterEntry[]];
    return {
      LAchildID: primary.caseId,
      UPN: child.upn ?? null,
      PersonBirthDate: primary.dateOfBirth,
      Sex: child.sex,
      NCyearActual: ncYear(primary.yearGroup),
      eligibility: {
        conditions: primary.grounds,
        standing: primary.standing,
        onRegisterSince: primary.onRegisterSince,
        basis: primary.basis,
        ...(primary.statutorySince ? { statutorySince: primary.statutorySince } : {}),
      },
      senProvision: child.senStatus === 'unknown' ? null : child.senStatus,
      missingInformation: primary.missing,
      caseIds: [primary.caseId, ...others.map((entry) => entry.caseId)],
    };
  });
}
