import { setImmediate as nextTurn } from 'node:timers/promises';
import { escapeHtml } from './escape.js';
import { renderSection, type Section } from './section.js';

/** What a page says about itself: its title, the period, and how its figures were rounded. */
export interface PageHeading {
  title: string;
  period: string;
  rounding: 'published' | 'raw';
}

/**
 * Screen and print in one stylesheet, inline (the page is one self-contained file): A4 pages with margins,
 * sections kept whole across page breaks, the chart and its table side by side where there is room.
 */
const style = `
*{box-sizing:border-box}
body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;margin:0 auto;max-width:1000px;padding:24px;line-height:1.35}
header{border-bottom:4px solid #1d70b8;margin-bottom:16px}
h1{font-size:1.7em;margin:0 0 4px}
h2{font-size:1.2em;margin:0 0 6px}
.meta{color:#505a5f;margin:0 0 10px}
.rounding{background:#f3f2f1;border-left:4px solid #505a5f;padding:6px 10px}
.report-section{margin:18px 0;padding-top:8px;border-top:1px solid #b1b4b6}
.with-chart{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;align-items:start}
.chart svg{max-width:100%;height:auto}
table.figures{border-collapse:collapse;width:100%;font-size:.9em}
table.figures caption{text-align:left;color:#505a5f;font-size:.9em;padding-bottom:4px}
table.figures th,table.figures td{border-bottom:1px solid #b1b4b6;padding:3px 6px;text-align:left}
table.figures td{text-align:right;font-variant-numeric:tabular-nums}
.note{font-size:.9em;margin:0 0 8px}
footer{margin-top:24px;font-size:.8em;color:#505a5f}
@page{size:A4;margin:14mm 12mm}
@media print{
  body{max-width:none;padding:0;font-size:10pt}
  .report-section{break-inside:avoid;page-break-inside:avoid}
  h2{break-after:avoid}
  .with-chart{grid-template-columns:minmax(0,3fr) minmax(0,2fr)}
}`;

/** The whole document: the heading, each section, and a footer that says where the figures come from. */
export async function renderPage(heading: PageHeading, sections: readonly Section[]): Promise<string> {
  const parts: string[] = [];
  // One section at a time, with a turn of the event loop after each: Vega's rendering resolves in promises
  // alone, so without it a page's charts would hold the loop together (other requests wait at most one chart).
  for (const section of sections) {
    parts.push(await renderSection(section));
    await nextTurn();
  }
  const rounding =
    heading.rounding === 'published'
      ? 'Figures for publication: counts of children are rounded to the nearest 10, and "low" stands for 1 to 4. Rates and averages are worked out from the exact counts.'
      : 'Exact counts, for the committee: not for publication (ask for rounding=published to publish them).';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${heading.title}, ${heading.period}`)}</title><style>${style}</style></head>
<body><header><h1>${escapeHtml(heading.title)}</h1><p class="meta">${escapeHtml(heading.period)}</p>
<p class="rounding">${escapeHtml(rounding)}</p></header>
<main>${parts.join('\n')}</main>
<footer>Aggregate figures from sightline's case records: no child or family is named. The same figures are available as JSON or CSV from the same address.</footer>
</body></html>`;
}
