/** When referrals arrive, and running every case's story with a bounded number in flight at once. */

import type { IsoDate } from '../domain/calendar/index.js';
import { addCalendarDays, calendarDaysBetween } from '../domain/calendar/index.js';
import { runCme } from './cme-story.js';
import { runEhe } from './ehe-story.js';
import { academicStartYear } from './people.js';
import { Rng } from './random.js';
import type { Shared } from './run.js';

/** Referral months: peaks before SATs (May) and GCSEs (spring), low in August. */
const MONTH_WEIGHT = [0, 1.0, 1.1, 1.35, 1.35, 1.45, 0.9, 0.7, 0.25, 1.1, 1.25, 1.1, 0.7];

function yearGroupWeights(month: number): (readonly [number, number])[] {
  const base = [2, 2.5, 3, 3.5, 4, 4.5, 5.5, 11, 8.5, 9.5, 11, 12];
  return base.map((w, group) => {
    let weight = w;
    if (group === 11 && month >= 1 && month <= 5) weight *= 1.7; // before GCSEs
    if (group === 6 && month >= 3 && month <= 5) weight *= 1.8; // before SATs
    if (group === 7 && month >= 9) weight *= 1.5; // the move to secondary school
    return [group, weight] as const;
  });
}

export function defaultFrom(to: IsoDate): IsoDate {
  return `${academicStartYear(to) - 3}-09-01`;
}

/** A referral date in [from, to], weighted by month and growing year on year. */
function referralDate(rng: Rng, from: IsoDate, to: IsoDate, span: number): IsoDate {
  for (;;) {
    const date = addCalendarDays(from, rng.int(0, span));
    const month = Number(date.slice(5, 7));
    const yearsIn = calendarDaysBetween(from, date) / 365;
    const weight = (((MONTH_WEIGHT[month] ?? 1) / 1.45) * (1 + 0.08 * yearsIn)) / (1 + 0.08 * (span / 365));
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    const workingWeight = weekday === 0 || weekday === 6 ? 0.15 : 1;
    if (date <= to && rng.next() < weight * workingWeight) return date;
  }
}

export type Job = () => Promise<void>;

/** Every case's story as a job: `cases` EHE referrals and twice as many CME, interleaved one to two. */
export function councilJobs(
  shared: Shared,
  cases: number,
  seed: number,
  from: IsoDate,
  to: IsoDate,
  span: number,
): Job[] {
  const eheJobs: Job[] = [];
  const cmeJobs: Job[] = [];
  const cmeCount = Math.round(cases * 2);
  for (let i = 0; i < cases; i++) {
    eheJobs.push(() => {
      const rng = new Rng(`${seed}:ehe:${i}`);
      const receivedOn = referralDate(rng, from, to, span);
      const month = Number(receivedOn.slice(5, 7));
      const group = rng.weighted(yearGroupWeights(month));
      return runEhe(shared, rng, { index: i, receivedOn, group });
    });
  }
  for (let i = 0; i < cmeCount; i++) {
    cmeJobs.push(() => {
      const rng = new Rng(`${seed}:cme:${i}`);
      const receivedOn = referralDate(rng, from, to, span);
      const group = rng.weighted(
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((g) => [g, g >= 7 ? 1.4 : 1] as const),
      );
      return runCme(shared, rng, { index: i, receivedOn, group });
    });
  }
  // Interleave EHE and CME (one to two) so every batch has both.
  const jobs: Job[] = [];
  for (let i = 0; i < Math.max(eheJobs.length, cmeJobs.length); i++) {
    const ehe = eheJobs[i];
    if (ehe) jobs.push(ehe);
    for (const cme of [cmeJobs[2 * i], cmeJobs[2 * i + 1]]) if (cme) jobs.push(cme);
  }
  return jobs;
}

/** Runs the jobs in order, `concurrency` (default 256) at once; reports progress every 100 and at the end. */
export async function runJobs(
  jobs: readonly Job[],
  concurrency: number | undefined,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<void> {
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.max(1, concurrency ?? 256) }, async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (job) await job();
      done++;
      if (onProgress && done % 100 === 0) onProgress(done, jobs.length);
    }
  });
  await Promise.all(workers);
  onProgress?.(done, jobs.length);
}
