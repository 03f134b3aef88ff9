import { type ChartKind, renderChart } from './chart.js';
import { escapeHtml } from './escape.js';
import { type FigureRow, formatFigure } from './figures.js';

/** One part of a report page: a chart (unless it has only a table) and the table of the figures it draws. */
export interface Section {
  id: string;
  title: string;
  /** What the figures count, in a sentence: the chart's accessible name and the table's caption. */
  description: string;
  rows: readonly FigureRow[];
  chart?: ChartKind;
  /** A breakdown's path in the JSON: the table lists every one of its keys. */
  covers?: readonly string[];
  /** Said under the title, when a reader needs it (the standard a rate is measured against). */
  note?: string;
  /** Said instead of a chart and table when the report has no figures for the section. */
  empty?: string;
}

const attribute = (value: unknown) => escapeHtml(JSON.stringify(value));

/** The accessible data table: every figure the chart draws, and the rates and totals beside it. */
export function figureTable(section: Section): string {
  const covers = section.covers ? ` data-covers="${attribute(section.covers)}"` : '';
  const rows = section.rows
    .map(
      (row) =>
        `<tr data-source="${attribute(row.source)}" data-format="${row.format}"><th scope="row">${escapeHtml(row.label)}</th>` +
        `<td>${escapeHtml(formatFigure(row.value, row.format))}</td></tr>`,
    )
    .join('');
  return (
    `<table class="figures"${covers}><caption>${escapeHtml(section.description)}</caption>` +
    `<thead><tr><th scope="col">Figure</th><th scope="col">Value</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

export async function renderSection(section: Section): Promise<string> {
  const heading = `<h2 id="${escapeHtml(section.id)}-title">${escapeHtml(section.title)}</h2>`;
  const note = section.note ? `<p class="note">${escapeHtml(section.note)}</p>` : '';
  const open = `<section class="report-section" data-section="${escapeHtml(section.id)}" aria-labelledby="${escapeHtml(section.id)}-title">`;
  if (section.rows.length === 0) {
    return `${open}${heading}${note}<p class="empty">${escapeHtml(section.empty ?? 'No figures for this period.')}</p></section>`;
  }
  const charted = section.rows.filter((row) => row.charted);
  const chart =
    section.chart && charted.length > 0 ? await renderChart(section.chart, charted, section.description) : '';
  const layout = chart ? 'with-chart' : 'table-only';
  return `${open}${heading}${note}<div class="${layout}">${chart}${figureTable(section)}</div></section>`;
}
