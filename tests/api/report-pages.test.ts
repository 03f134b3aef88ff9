import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRow } from '../../src/api/reports-html/figures.js';
import { type FigureFormat, formatFigure } from '../../src/api/reports-html/index.js';
import { renderSection } from '../../src/api/reports-html/section.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import type { Figure } from '../../src/projections/types.js';
import { seedCouncil } from '../../src/seed/council.js';
import { bearer, type TestApi, testApi } from './support.js';

/** Where a person finds the rendered pages after a run (gitignored). */
const ARTEFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'report-pages');
const CHROMIUM = '/usr/bin/chromium';
const COMMITTEE = '/v1/reports/committee?from=2025-09-01&to=2026-08-31';
const ACADEMIC_YEAR = '/v1/reports/academic-year?year=2025-26';
const html = { accept: 'text/html' };

/** The synthetic council: three academic years of cases, and the school population the policy gives. */
const policy = {
  ...defaultPolicy,
  schoolPopulation: { '2023-24': 8_900, '2024-25': 9_050, '2025-26': 9_200, '2026-27': 9_310 },
};

let api: TestApi;
let manager: Record<string, string>;
/** Every name, UPN and date of birth the seeded referrals hold: none may reach a page. */
const personal: string[] = [];

beforeAll(async () => {
  api = await testApi({ now: new Date('2026-11-20T10:00:00Z'), policy });
  const seeded = await seedCouncil(api.store, { cases: 120, to: '2026-11-20' });
  expect(seeded.rejected).toEqual([]);
  manager = bearer(await api.token('manager'));
  for await (const event of api.store.readAll()) {
    const child = (event.data as { child?: Record<string, unknown> }).child;
    if (!child || !/ReferralReceived$/.test(event.type)) continue;
    personal.push(`${child.givenName} ${child.familyName}`);
    for (const field of ['upn', 'dateOfBirth'])
      if (typeof child[field] === 'string') personal.push(child[field] as string);
  }
  expect(personal.length).toBeGreaterThan(100);
}, 120_000);
afterAll(() => api?.close());

const get = (url: string, headers: Record<string, string>) => api.app.inject({ url, headers });

describe('a report as a page: GET /v1/reports/committee and /academic-year with Accept: text/html', () => {
  it('answers a self-contained HTML page, and JSON or CSV as before to any other Accept', async () => {
    for (const url of [COMMITTEE, ACADEMIC_YEAR]) {
      const page = await get(url, { ...manager, ...html });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toMatch(/^<!doctype html>/);
      // Self-contained: nothing loaded from elsewhere, no script.
      expect(page.body).not.toMatch(/<script|<link|\ssrc=|@import|url\(/i);
      expect(page.body).toContain('@page{size:A4');

      const json = await get(url, manager);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      const asked = await get(url, { ...manager, accept: 'application/json' });
      expect(asked.body).toBe(json.body);
      const csv = await get(url, { ...manager, accept: 'text/csv, text/html' });
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    }
  });

  it('is read by the same roles as the JSON: an officer is refused, a request without a token too', async () => {
    const officer = bearer(await api.token('officer'));
    expect((await get(COMMITTEE, { ...officer, ...html })).statusCode).toBe(403);
    expect((await get(COMMITTEE, html)).statusCode).toBe(401);
    const auditor = bearer(await api.token('auditor'));
    expect((await get(COMMITTEE, { ...auditor, ...html })).statusCode).toBe(200);
  });

  it('holds aggregates only: no seeded child’s name, UPN or date of birth', async () => {
    for (const url of [COMMITTEE, `${COMMITTEE}&rounding=published`, ACADEMIC_YEAR]) {
      const { body } = await get(url, { ...manager, ...html });
      expect(personal.filter((value) => body.includes(value))).toEqual([]);
    }
  });

  it('escapes every text it writes, in the table and in the chart', async () => {
    const hostile = '<img src=x onerror=alert(1)> & "quoted"';
    const section = await renderSection({
      id: 'x"><script>',
      title: hostile,
      description: hostile,
      chart: 'bars',
      rows: [countRow('a', hostile, 3, ['a'])],
    });
    expect(section).not.toContain('<img');
    expect(section).not.toContain('<script>');
    expect(section).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;');
  });
});

/** The figure at a path of the report's JSON answer. */
const at = (report: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], report);

interface RenderedSection {
  id: string;
  /** Mark elements Vega drew (bars, lines, points), and how many of them have a visible extent. */
  marks: number;
  visibleMarks: number;
  charted: number;
  hasChart: boolean;
  rows: { source: string[]; format: FigureFormat; text: string }[];
  covers: string[] | null;
}

/** Reads each section of the page as Chromium laid it out: its chart's marks and its table's cells. */
function readSections(page: Page): Promise<RenderedSection[]> {
  return page.$$eval('section.report-section', (sections) =>
    sections.map((section) => {
      const marks = [
        ...section.querySelectorAll(
          '.chart g.mark-rect path, .chart g.mark-line path, .chart g.mark-symbol path',
        ),
        // The browser's SVG elements: tsconfig has no DOM library, so only the method read here is named.
      ] as unknown as { getBBox(): { width: number; height: number } }[];
      const rows = [...section.querySelectorAll('table.figures tbody tr')].map((row) => ({
        source: JSON.parse(row.getAttribute('data-source') ?? '[]') as string[],
        format: row.getAttribute('data-format') as FigureFormat,
        text: row.querySelector('td')?.textContent ?? '',
      }));
      const covers = section.querySelector('table.figures')?.getAttribute('data-covers');
      return {
        id: section.getAttribute('data-section') ?? '',
        marks: marks.length,
        visibleMarks: marks.filter((mark) => {
          const box = mark.getBBox();
          return box.width > 0 || box.height > 0;
        }).length,
        charted: section.querySelectorAll('.chart').length,
        hasChart: section.querySelector('.chart svg') !== null,
        rows,
        covers: covers ? (JSON.parse(covers) as string[]) : null,
      };
    }),
  );
}

/** Every chart drew marks, and every table cell says what the JSON answer of the same report says. */
function expectPageMatches(sections: RenderedSection[], report: unknown, ids: string[]): void {
  expect(sections.map((section) => section.id)).toEqual(ids);
  for (const section of sections) {
    expect(section.rows.length, section.id).toBeGreaterThan(0);
    for (const row of section.rows) {
      const value = at(report, row.source) as Figure | null;
      expect(value, `${section.id} ${row.source.join('.')}`).not.toBeUndefined();
      expect(row.text, `${section.id} ${row.source.join('.')}`).toBe(formatFigure(value, row.format));
    }
    const covers = section.covers;
    if (covers) {
      const keys = Object.keys(at(report, covers) as object);
      const listed = section.rows.filter((row) => row.source.length === covers.length + 1);
      expect(listed.map((row) => row.source.at(-1)).sort(), section.id).toEqual(keys.sort());
    }
    if (section.id === 'headline') continue;
    expect(section.hasChart, section.id).toBe(true);
    expect(section.marks, section.id).toBeGreaterThan(0);
  }
}

const committeeSections = [
  'headline',
  'trend',
  'newRegistrations',
  'yearGroups',
  'primaryReasons',
  'sen',
  'firstContact',
  'returnsToSchool',
  'cme',
  'cmeDestinations',
  'sao',
  'register',
  'registerYearGroups',
];
const academicYearSections = [
  'headline',
  'newRegistrations',
  'previousSchools',
  'returnsToSchool',
  'cme',
  'cmeDestinations',
  'sao',
];

// CI installs Chromium (.ci/run) and must run this; elsewhere it runs where Debian's chromium is installed.
describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the report pages in headless Chromium', () => {
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(ARTEFACTS, { recursive: true });
  }, 60_000);
  afterAll(() => browser?.close());

  /** The page as a browser asks for it (its own Accept: text/html…), with the manager's token. */
  async function open(url: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.setExtraHTTPHeaders(manager);
    const response = await page.goto(`${base}${url}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    return page;
  }

  async function keep(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(join(ARTEFACTS, `${name}.pdf`), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595 × 842 points: every page's box (Chromium writes 594.96 × 841.92).
    const boxes = pdf.toString('latin1').match(/\/MediaBox \[[^\]]*\]/g) ?? [];
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toMatch(/^\/MediaBox \[0 0 59[45]\.?\d* 84[12]\.?\d*\]$/);
  }

  it('draws every chart of the committee page, with tables that match the JSON figures', async () => {
    const page = await open(COMMITTEE);
    const sections = await readSections(page);
    expectPageMatches(sections, (await get(COMMITTEE, manager)).json(), committeeSections);
    // Exact counts: every chart has marks a reader can see.
    for (const section of sections.filter((s) => s.hasChart))
      expect(section.visibleMarks, section.id).toBeGreaterThan(0);
    await keep(page, 'committee');
    await page.close();
  }, 60_000);

  it('rounds the committee page for publication as the JSON is rounded', async () => {
    const url = `${COMMITTEE}&rounding=published`;
    const page = await open(url);
    expect(await page.textContent('.rounding')).toMatch(/rounded to the nearest 10/);
    expectPageMatches(await readSections(page), (await get(url, manager)).json(), committeeSections);
    await keep(page, 'committee-published');
    await page.close();
  }, 60_000);

  it('draws the academic year page, with tables that match its JSON figures', async () => {
    const page = await open(ACADEMIC_YEAR);
    expectPageMatches(
      await readSections(page),
      (await get(ACADEMIC_YEAR, manager)).json(),
      academicYearSections,
    );
    await keep(page, 'academic-year');
    await page.close();
  }, 60_000);
});
