/**
 * A report as CSV: one row per figure, named by its path (`ehe.byYearGroup.Y7,40`), so every report,
 * however nested, reads the same way in a spreadsheet. Arrays of rows keyed by `month` use the month.
 */
export function reportToCsv(report: unknown): string {
  const rows: [string, string][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const key = (item as { month?: unknown })?.month;
        walk(item, [...path, typeof key === 'string' ? key : String(index)]);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key !== 'month') walk(item, [...path, key]);
      }
    } else {
      rows.push([path.join('.'), value === null || value === undefined ? '' : String(value)]);
    }
  };
  walk(report, []);
  return `${['figure,value', ...rows.map((row) => row.map(csvField).join(','))].join('\r\n')}\r\n`;
}

/** RFC 4180 quoting, and a leading quote on anything a spreadsheet would run as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
