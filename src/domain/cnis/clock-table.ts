import type { ClockTable } from '../clock-rule.js';

/** No clock runs on an arranged-absence entry: the register's duties are worked on the child's EHE case. */
export const cnisClockTable = {} as const satisfies ClockTable;
