/**
 * A synthetic council on a SQLite file (WAL, synchronous=FULL, as `npm start` runs it), for the benchmarks:
 * the deterministic generator of src/seed (also `sightline seed --cases N`) sized by the total number of
 * cases. It writes about two CME referrals for each EHE referral, so `totalCases / 3` EHE referrals.
 */
import { join } from 'node:path';
import { londonDate } from '../src/domain/calendar/index.js';
import { createSqliteEventStore } from '../src/eventstore/sqlite.js';
import { type SeedCouncilResult, seedCouncil } from '../src/seed/council.js';

export interface CouncilFile {
  path: string;
  seeded: SeedCouncilResult;
}

export async function councilFile(options: {
  totalCases: number;
  dir: string;
  log: (line: string) => void;
}): Promise<CouncilFile> {
  const path = join(options.dir, 'council.db');
  const store = createSqliteEventStore({ path });
  try {
    options.log(`seeding a council of about ${options.totalCases.toLocaleString('en-GB')} cases`);
    let reported = 0;
    const seeded = await seedCouncil(store, {
      cases: Math.max(1, Math.round(options.totalCases / 3)),
      to: londonDate(new Date()),
      onProgress: (done) => {
        if (done - reported < 5000) return;
        reported = done;
        options.log(`  ${done.toLocaleString('en-GB')} cases`);
      },
    });
    if (seeded.rejected.length > 0) throw new Error(`the seed was refused: ${seeded.rejected[0]}`);
    options.log(
      `seeded ${seeded.eheCases} EHE and ${seeded.cmeCases} CME cases, ${seeded.events} events, in ${seeded.seconds.toFixed(0)} s`,
    );
    return { path, seeded };
  } finally {
    await store.close();
  }
}
