import { cmeClockTable } from './cme/clock-table.js';
import { cmeCodec } from './cme/codec.js';
import { cmeCommandBodies } from './cme/commands.js';
import { cmeDecider } from './cme/decider.js';
import { cmeCommandRoles } from './cme/roles.js';
import { cnisClockTable } from './cnis/clock-table.js';
import { cnisCodec } from './cnis/codec.js';
import { cnisCommandBodies } from './cnis/commands.js';
import { cnisDecider } from './cnis/decider.js';
import { cnisCommandRoles } from './cnis/roles.js';
import { eheClockTable } from './ehe/clock-table.js';
import { eheCodec } from './ehe/codec.js';
import { eheCommandBodies } from './ehe/commands.js';
import { eheDecider } from './ehe/decider.js';
import { eheCommandRoles } from './ehe/roles.js';

/**
 * The case types, each as one record: its decider and codec, the prefix of its streams (`ehe-{id}`), its
 * command bodies, who may issue each command, and which events start and stop which clocks. Code that treats
 * them alike looks a case type up here instead of branching on its name. `cnis` is a school's arranged-absence
 * pupil on the Children Not In School register (EA 1996 s.436B(5)(b)-(c)): neither an EHE nor a CME case, so
 * never counted in their returns.
 */
export const caseTypes = {
  ehe: {
    name: 'ehe',
    casework: true,
    decider: eheDecider,
    codec: eheCodec,
    commandBodies: eheCommandBodies,
    commandRoles: eheCommandRoles,
    clockTable: eheClockTable,
  },
  cme: {
    name: 'cme',
    casework: true,
    decider: cmeDecider,
    codec: cmeCodec,
    commandBodies: cmeCommandBodies,
    commandRoles: cmeCommandRoles,
    clockTable: cmeClockTable,
  },
  cnis: {
    name: 'cnis',
    // Not a case the service works: no officer, no clock, no caseload, dashboard or DfE return.
    casework: false,
    decider: cnisDecider,
    codec: cnisCodec,
    commandBodies: cnisCommandBodies,
    commandRoles: cnisCommandRoles,
    clockTable: cnisClockTable,
  },
} as const;

export type CaseTypeName = keyof typeof caseTypes;
export const caseTypeNames = Object.keys(caseTypes) as CaseTypeName[];

/**
 * The case types the service works: allocated, clocked, listed in caseloads and dashboards, counted in the
 * returns. The views keep a case record (projections/case-summary.ts) for these alone.
 */
export type CaseworkTypeName = {
  [K in CaseTypeName]: (typeof caseTypes)[K]['casework'] extends true ? K : never;
}[CaseTypeName];

/** A case type's decider state, and its events as read back from the store. */
export type StateOf<K extends CaseTypeName> = ReturnType<(typeof caseTypes)[K]['decider']['initialState']>;
export type EventOf<K extends CaseTypeName> = ReturnType<(typeof caseTypes)[K]['codec']['decode']>;

/** A case's stream: its type's prefix and its id (EventStoreDB reads the text before the first `-` as the category). */
export const streamOf = (caseType: CaseTypeName, caseId: string): string => `${caseType}-${caseId}`;

/**
 * The prefixes of every case's stream: what the views and the clock scheduler ask the store for, so that the
 * access log and the other non-case streams are filtered out by the store rather than read and dropped.
 */
export const caseStreamPrefixes: readonly string[] = caseTypeNames.map((name) => streamOf(name, ''));

/** The case type and id a stream holds, or undefined for a stream that is not a case's. */
export function caseOfStream(stream: string): { caseType: CaseTypeName; caseId: string } | undefined {
  const dash = stream.indexOf('-');
  const prefix = stream.slice(0, dash);
  if (dash < 0 || !Object.hasOwn(caseTypes, prefix)) return undefined;
  return { caseType: prefix as CaseTypeName, caseId: stream.slice(dash + 1) };
}

/**
 * One function per case type the values can be of, each given only values of its own type: a table over
 * case records names the casework types, a table over case events every case type.
 */
export type CaseTypeTable<T extends { caseType: CaseTypeName }, R> = {
  [K in T['caseType']]: (value: T & { caseType: K }) => R;
};

/**
 * Calls the entry of `table` for the value's case type: a lookup where code would branch on the type's name,
 * and a table that fails to compile until every case type has its entry.
 */
export function byCaseType<T extends { caseType: CaseTypeName }, R>(table: CaseTypeTable<T, R>, value: T): R {
  // The entry for `value.caseType` takes exactly the values of that type, which `value` is.
  return (table[value.caseType as T['caseType']] as (value: T) => R)(value);
}
