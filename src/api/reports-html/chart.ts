import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './escape.js';
import { type FigureRow, plotted } from './figures.js';

/**
 * A section's chart: horizontal bars for categories (year groups, reasons), columns for months, a line for a
 * trend over academic years.
 */
export type ChartKind = 'bars' | 'columns' | 'line';

const colour = '#1d70b8';
const config = {
  font: 'Arial, Helvetica, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, grid: false },
  background: 'white',
};

/** A chart's Vega-Lite spec, its data named `figures` and inserted when drawn. */
function specOf(kind: ChartKind): TopLevelSpec {
  // sort null: the rows' own order (the DfE's year groups, months, largest reason first).
  const category = { field: 'label', type: 'ordinal', sort: null, title: null } as const;
  const measure = {
    field: 'value',
    type: 'quantitative',
    title: 'Children',
    axis: { tickMinStep: 1 },
  } as const;
  const base = { data: { name: 'figures' }, config } as const;
  if (kind === 'bars') {
    return {
      ...base,
      width: 300,
      height: { step: 20 },
      encoding: { y: { ...category, axis: { labelLimit: 260 } }, x: measure },
      layer: [
        { mark: { type: 'bar', color: colour } },
        {
          mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
          encoding: { text: { field: 'value' } },
        },
      ],
    };
  }
  if (kind === 'columns') {
    return {
      ...base,
      width: { step: 26 },
      height: 160,
      encoding: { x: { ...category, axis: { labelAngle: -45 } }, y: measure },
      layer: [
        { mark: { type: 'bar', color: colour } },
        { mark: { type: 'text', dy: -6, fontSize: 9 }, encoding: { text: { field: 'value' } } },
      ],
    };
  }
  return {
    ...base,
    width: 320,
    height: 160,
    encoding: { x: { ...category, axis: { labelAngle: 0 } }, y: measure },
    layer: [
      { mark: { type: 'line', color: colour } },
      { mark: { type: 'point', filled: true, color: colour, size: 50 } },
      { mark: { type: 'text', dy: -10, fontSize: 10 }, encoding: { text: { field: 'value' } } },
    ],
  };
}

// Loaded on the first page asked for, not when the server starts: JSON and CSV answers never need them.
type Vega = typeof import('vega');
interface TextMetrics {
  width(item: { fontSize?: number }, text: unknown): number;
}
let compiled: Promise<{ vega: Vega; runtimes: Record<ChartKind, ReturnType<Vega['parse']>> }> | undefined;

/** Vega-Lite compiles each kind of chart once, and Vega parses it once: a page only inserts its figures. */
function load() {
  compiled ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => {
    // Without a canvas Vega guesses 0.8em a character, which cuts the axis labels short (a reason's label at
    // 28 characters); Arial's letters average nearer 0.55em. Vega calls a width set here (as vl-convert does).
    // (vega exports textMetrics; its typings do not name it.)
    const { textMetrics } = vega as unknown as { textMetrics: TextMetrics };
    textMetrics.width = (item, text) =>
      0.55 * (Number(item.fontSize) || 11) * String(text ?? '').trim().length;
    const runtime = (kind: ChartKind) => vega.parse(vegaLite.compile(specOf(kind)).spec);
    return { vega, runtimes: { bars: runtime('bars'), columns: runtime('columns'), line: runtime('line') } };
  });
  return compiled;
}

/**
 * The chart as inline SVG, drawn on the server by Vega (renderer 'none': no canvas, no browser). Vega escapes
 * the text it writes into the SVG; the description is the chart's accessible name.
 */
export async function renderChart(
  kind: ChartKind,
  rows: readonly FigureRow[],
  description: string,
): Promise<string> {
  const { vega, runtimes } = await load();
  // The data is inserted: the view loads nothing.
  const view = new vega.View(runtimes[kind], { renderer: 'none', logLevel: vega.Error });
  const values = rows.map((row) => ({ label: row.label, value: plotted(row.value) }));
  view.data('figures', values);
  try {
    const svg = await view.toSVG();
    return `<div class="chart" role="img" aria-label="${escapeHtml(description)}">${svg}</div>`;
  } finally {
    view.finalize();
  }
}
