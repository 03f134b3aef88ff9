import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { AcademicYearSchema, DfeReturnSchema } from '../../src/api/routes/reports.js';
import type {
  CaseClockSchema,
  CaseSummarySchema,
  DashboardSchema,
  OpenDeadlineSchema,
} from '../../src/api/summary-schemas.js';
import type {
  AcademicYearReport,
  CaseClock,
  CaseSummary,
  Dashboard,
  DfeReturn,
  OpenDeadline,
} from '../../src/projections/index.js';
import type { Rounded } from '../../src/projections/rounding.js';

/**
 * The views' types (src/projections/types.ts) are the source of each shape; the API's response schemas
 * restate them in zod for validation and the OpenAPI document. These checks run in `tsc --noEmit` (tests/ is
 * in tsconfig.json's include; vitest runs them as empty tests): a field added to, removed from or
 * renamed in one side alone fails to compile.
 */

/** A view's value as the API sends it: 64-bit integers as strings (JSON has none). */
type Json<T> = T extends bigint
  ? string
  : T extends readonly (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/**
 * The structure alone: names, optionality, nesting, numbers and booleans, with every string type widened.
 * The schemas say `z.string()` where a view names its values (a clock's name, a priority flag), so the
 * values themselves are checked one way only: every value of the view is one the schema accepts.
 */
type Shape<T> = T extends string | bigint
  ? string
  : T extends readonly (infer Item)[]
    ? Shape<Item>[]
    : T extends object
      ? { [K in keyof T]: Shape<T[K]> }
      : T;

describe('the API response schemas and the views they show', () => {
  it('a clock of a case', () => {
    type Api = z.infer<typeof CaseClockSchema>;
    expectTypeOf<Shape<Api>>().toEqualTypeOf<Shape<CaseClock>>();
    expectTypeOf<Json<CaseClock>>().toExtend<Api>();
  });

  it('a case summary, without its stream name', () => {
    type Api = z.infer<typeof CaseSummarySchema>;
    type Shown = Omit<CaseSummary, 'stream'>;
    expectTypeOf<Shape<Api>>().toEqualTypeOf<Shape<Shown>>();
    expectTypeOf<Json<Shown>>().toExtend<Api>();
  });

  it('an open deadline', () => {
    type Api = z.infer<typeof OpenDeadlineSchema>;
    expectTypeOf<Shape<Api>>().toEqualTypeOf<Shape<OpenDeadline>>();
    expectTypeOf<Json<OpenDeadline>>().toExtend<Api>();
  });

  it('the dashboard, whose overdue counts are keyed by clock name in the view and by any string in the API', () => {
    type Api = z.infer<typeof DashboardSchema>;
    expectTypeOf<Shape<Omit<Api, 'overdueByClock'>>>().toEqualTypeOf<
      Shape<Omit<Dashboard, 'overdueByClock'>>
    >();
    expectTypeOf<Json<Dashboard>>().toExtend<Api>();
  });

  it('the DfE return and the academic year report', () => {
    expectTypeOf<Shape<z.infer<typeof DfeReturnSchema>>>().toEqualTypeOf<Shape<DfeReturn>>();
    expectTypeOf<DfeReturn>().toExtend<z.infer<typeof DfeReturnSchema>>();
    // As the route sends it: with rounding=published every count may be `low`.
    type Published = Rounded<AcademicYearReport>;
    expectTypeOf<Shape<z.infer<typeof AcademicYearSchema>>>().toEqualTypeOf<Shape<Published>>();
    expectTypeOf<Published>().toExtend<z.infer<typeof AcademicYearSchema>>();
  });
});
