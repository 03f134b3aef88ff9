import type { IsoDate } from '../domain/calendar/index.js';
import { normaliseName } from '../domain/child.js';
import type { CaseRecord, CaseRecords } from './case-summary.js';
import { isOpen, isPriority, officerOf, referredOnOf, type SummaryOf } from './case-summary.js';
import type { CaseListQuery, CaseSummary } from './types.js';
import type { View, ViewQueries } from './view.js';

/** Newest referral first, then by case id: a stable order a cursor can resume. */
type SortKey = { receivedOn: IsoDate; caseId: string };

const comesBefore = (a: SortKey, b: SortKey) =>
  a.receivedOn !== b.receivedOn ? a.receivedOn > b.receivedOn : a.caseId < b.caseId;

const encodeCursor = (key: SortKey) => Buffer.from(`${key.receivedOn}|${key.caseId}`).toString('base64url');

const CURSOR_TEXT = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The position a cursor names, or undefined for text this server never gave as a cursor. */
function decodeCursor(cursor: string): SortKey | undefined {
  const text = Buffer.from(cursor, 'base64url').toString();
  const [, receivedOn, caseId] = CURSOR_TEXT.exec(text) ?? [];
  // Buffer skips characters outside base64url: only a cursor that encodes back the same is one of ours.
  if (!receivedOn || !caseId || encodeCursor({ receivedOn, caseId }) !== cursor) return undefined;
  return { receivedOn, caseId };
}

export const isCaseListCursor = (cursor: string): boolean => decodeCursor(cursor) !== undefined;

function matches(record: CaseRecord, query: CaseListQuery, name: string | undefined): boolean {
  if (query.caseType && record.caseType !== query.caseType) return false;
  if (query.status && !query.status.includes(record.state.status)) return false;
  if (query.open !== undefined && isOpen(record) !== query.open) return false;
  const officerId = officerOf(record);
  if (query.officerId !== undefined && officerId !== query.officerId) return false;
  if (query.unallocated !== undefined && (officerId === undefined) !== query.unallocated) return false;
  if (query.priority !== undefined && isPriority(record) !== query.priority) return false;
  if (name) {
    const childName = normaliseName(`${record.child.givenName} ${record.child.familyName}`);
    if (!childName.includes(name)) return false;
  }
  return true;
}

/** A page of cases; the API refuses an unreadable cursor before it gets here (one starts from the beginning). */
export function listCases(
  records: ReadonlyMap<string, CaseRecord>,
  query: CaseListQuery,
  today: IsoDate,
  summaryOf: SummaryOf,
): { items: CaseSummary[]; nextCursor?: string } {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const name = query.name ? normaliseName(query.name) : undefined;
  const found: { key: SortKey; record: CaseRecord }[] = [];
  for (const record of records.values()) {
    const key = { receivedOn: referredOnOf(record), caseId: record.caseId };
    if (after && !comesBefore(after, key)) continue;
    if (matches(record, query, name)) found.push({ key, record });
  }
  found.sort((a, b) => (comesBefore(a.key, b.key) ? -1 : 1));
  const page = found.slice(0, limit);
  const items = page.map(({ record }) => summaryOf(record, today));
  const last = page.at(-1);
  return found.length > limit && last ? { items, nextCursor: encodeCursor(last.key) } : { items };
}

/**
 * Every case's record by id, the shared input the other views evolve from (`views.ts` computes it once per
 * event), and the case summaries and the case list read from it.
 */
export const caseRecordsView: View<'records', CaseRecords, Pick<ViewQueries, 'caseSummary'>> = {
  name: 'records',
  create: () => new Map(),
  evolve(records, before, after, change) {
    if (after && after !== before) records.set(change.caseId, after);
  },
  queries: (records, { today, summaryOf }) => ({
    caseSummary: {
      get(caseId) {
        const record = records.get(caseId);
        return record ? summaryOf(record, today()) : undefined;
      },
      list: (query) => listCases(records, query, today(), summaryOf),
    },
  }),
  compareCase(check, caseId, rebuilt, live) {
    check(`case ${caseId}`, rebuilt.caseSummary.get(caseId), live.caseSummary.get(caseId));
  },
};
