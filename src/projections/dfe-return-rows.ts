import { dfeCategoryOf } from '../domain/dfe-codes.js';
import type { Breakdown, DfeReturn, DfeReturnRow, Figure } from './types.js';

type Section = Record<string, Figure | Breakdown>;

/** The figures of the return that count children with an SEN status, by the status's key in `senStatus`. */
const senFigures: ReadonlySet<string> = new Set(['senSupport', 'ehcp']);

/**
 * The return as the DfE's collection reads it (issue 15 item 5): one row per figure, each breakdown's entry
 * with our code and the DfE's own code and label (`domain/dfe-codes.ts`; null where the DfE collects no such
 * category). A total or a plain figure has no code. The CSV of the return is written from these rows.
 */
export function dfeReturnRows(report: Pick<DfeReturn, 'ehe' | 'cme'>): DfeReturnRow[] {
  const rows: DfeReturnRow[] = [];
  for (const section of ['ehe', 'cme'] as const) {
    for (const [figure, value] of Object.entries(report[section] as Section)) {
      if (typeof value === 'object') {
        for (const [code, count] of Object.entries(value)) {
          const category = dfeCategoryOf(section, figure, code);
          rows.push({
            section,
            figure,
            code,
            dfeCode: category?.dfeCode ?? null,
            dfeLabel: category?.dfeLabel ?? null,
            value: count,
          });
        }
      } else if (senFigures.has(figure)) {
        const category = dfeCategoryOf(section, 'senStatus', figure);
        rows.push({
          section,
          figure,
          code: figure,
          dfeCode: category?.dfeCode ?? null,
          dfeLabel: category?.dfeLabel ?? null,
          value,
        });
      } else {
        rows.push({ section, figure, code: null, dfeCode: null, dfeLabel: null, value });
      }
    }
  }
  return rows;
}
