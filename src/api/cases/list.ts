import { z } from 'zod';
import { isCaseListCursor } from '../../projections/index.js';
import { boundedDate } from '../date-bounds.js';
import type { CaseSummary, Projections } from '../views.js';

/** A true/false query flag; its example sits before the transform, where the input's JSON Schema has it. */
const flag = (meta: { examples: ['true' | 'false']; description?: string }) =>
  z
    .enum(['true', 'false'])
    .meta(meta)
    .transform((value) => value === 'true');
const UPN_LIKE = /^[A-Z]\d{11}[0-9A-Z]$/i;

export const CaseListQuerySchema = z.object({
  type: z
    .enum(['ehe', 'cme'])
    .optional()
    .meta({ examples: ['ehe'] }),
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .optional()
    .meta({ description: 'Comma-separated statuses', examples: ['open,monitoring'] }),
  open: flag({ examples: ['true'] }).optional(),
  officer: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ examples: ['olive'] }),
  unallocated: flag({ examples: ['false'] }).optional(),
  priority: flag({ examples: ['true'] }).optional(),
  overdue: flag({ description: 'Only cases with a clock past its due date', examples: ['true'] }).optional(),
  dueBefore: boundedDate
    .optional()
    .meta({ description: 'Only cases whose next clock is due before this date', examples: ['2025-12-31'] }),
  yearGroup: z.coerce
    .number()
    .int()
    .min(-1)
    .max(14)
    .optional()
    .meta({ description: '0 is Reception', examples: [8] }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: "Part of the child's name, or a UPN", examples: ['Walker'] }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .meta({ examples: [25] }),
  cursor: z
    .string()
    .max(500)
    .refine(isCaseListCursor, 'must be the `nextCursor` of a previous page')
    .optional()
    .meta({
      description: '`nextCursor` from the previous page',
      examples: ['MjAyNS0xMS0xN3xjN2UyYTlkNC0xZjM2LTRiOGEtYTBlNS05M2Q0YjJmNjFjMDg'],
    }),
});
export type CaseListFilter = z.infer<typeof CaseListQuerySchema>;

/**
 * The views filter by type, status, officer, priority and name; overdue, due-before, year group and UPN are
 * filtered here, reading further pages until this one is full.
 */
export function listCases(
  projections: Projections,
  filter: CaseListFilter,
  today: string,
): { items: CaseSummary[]; nextCursor?: string } {
  const upn = filter.q && UPN_LIKE.test(filter.q) ? filter.q.toUpperCase() : undefined;
  const keep = (summary: CaseSummary) =>
    (filter.overdue === undefined ||
      filter.overdue === summary.clocks.some((clock) => clock.dueOn < today)) &&
    (filter.dueBefore === undefined ||
      (summary.nextDueOn !== undefined && summary.nextDueOn < filter.dueBefore)) &&
    (filter.yearGroup === undefined || summary.child.yearGroup === filter.yearGroup) &&
    (upn === undefined || summary.child.upn === upn);
  const items: CaseSummary[] = [];
  let cursor = filter.cursor;
  // A bounded number of pages per request, so one query cannot scan without end.
  for (let pages = 0; pages < 20; pages++) {
    const page = projections.caseSummary.list({
      limit: filter.limit - items.length,
      ...(cursor ? { cursor } : {}),
      ...(filter.type ? { caseType: filter.type } : {}),
      ...(filter.status ? { status: filter.status.split(',') } : {}),
      ...(filter.open === undefined ? {} : { open: filter.open }),
      ...(filter.officer ? { officerId: filter.officer } : {}),
      ...(filter.unallocated === undefined ? {} : { unallocated: filter.unallocated }),
      ...(filter.priority === undefined ? {} : { priority: filter.priority }),
      ...(filter.q && !upn ? { name: filter.q } : {}),
    });
    items.push(...page.items.filter(keep));
    cursor = page.nextCursor;
    if (!cursor || items.length >= filter.limit) break;
  }
  return { items, ...(cursor ? { nextCursor: cursor } : {}) };
}
