/** Made-up people, places and schools, and the dates of birth that fit a year group. */

import type { IsoDate } from '../domain/calendar/index.js';
import { addCalendarDays } from '../domain/calendar/index.js';
import { upnCheckLetter } from '../domain/child.js';
import type { Rng } from './random.js';

export const GIVEN_NAMES = [
  'Oliver',
  'Amelia',
  'George',
  'Isla',
  'Noah',
  'Ava',
  'Arthur',
  'Mia',
  'Leo',
  'Ivy',
  'Oscar',
  'Lily',
  'Harry',
  'Freya',
  'Jack',
  'Grace',
  'Charlie',
  'Florence',
  'Jacob',
  'Emily',
  'Thomas',
  'Sophie',
  'Henry',
  'Poppy',
  'Alfie',
  'Evie',
  'Theo',
  'Ella',
  'Finley',
  'Ruby',
  'Adam',
  'Zara',
  'Mohammed',
  'Aisha',
  'Ethan',
  'Maya',
  'Joshua',
  'Chloe',
  'Samuel',
  'Hannah',
] as const;
export const FAMILY_NAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  'Khan',
  'Harris',
  'Lewis',
  'Martin',
  'Cooper',
  'King',
  'Baker',
  'Hughes',
  'Edwards',
  'Turner',
  'Hill',
  'Moore',
  'Ward',
  'Morris',
  'Ali',
  'Clark',
  'Scott',
  'Young',
  'Allen',
] as const;
export const STREETS = [
  'Mill Lane',
  'Church Road',
  'Station Road',
  'Park Avenue',
  'Victoria Street',
  'Orchard Close',
  'Meadow Way',
  'Harbour Road',
  'Oak Crescent',
  'Beech Grove',
  'Kingsway',
  'Chapel Street',
  'Elm Drive',
  'Queens Road',
  'Willow Walk',
] as const;
export const TOWN = 'Eastmere';
export const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
export const SCHOOLS = [
  ['Eastmere Academy', '900101'],
  ['Harbourside School', '900102'],
  ['St Anne’s Catholic School', '900103'],
  ['Millbrook Community School', '900104'],
  ['Riverside Academy', '900105'],
  ['Oakfield College', '900106'],
  ['Westgate School', '900107'],
  ['Bitterne Park Academy', '900108'],
  ['Eastmere Primary School', '900201'],
  ['Church Road Infant and Junior', '900202'],
  ['Meadow Way Primary', '900203'],
  ['Harbour Primary Academy', '900204'],
  ['Orchard Junior School', '900205'],
  ['Kingsway Primary', '900206'],
  ['Beechwood Special School', '900301'],
  ['Eastmere Learning Centre (PRU)', '900401'],
] as const;
export const OTHER_COUNCILS = ['Northwick Council', 'Southdown County Council', 'Westmarsh Borough Council'];
export const ETHNICITIES = ['WBRI', 'WOTH', 'MWBC', 'AIND', 'APKN', 'BAFR', 'CHNE', 'WIRT', 'AOTH'] as const;

export interface School {
  name: string;
  urn: string;
}

export function school(rng: Rng, phase: 'primary' | 'secondary' | 'special' | 'pru'): School {
  const range = { secondary: [0, 7], primary: [8, 13], special: [14, 14], pru: [15, 15] }[phase];
  const entry = SCHOOLS[rng.int(range[0] ?? 0, range[1] ?? 0)] ?? SCHOOLS[0];
  return { name: entry[0], urn: entry[1] };
}

export function address(rng: Rng) {
  const letters = () => `${rng.pick([...POSTCODE_LETTERS])}${rng.pick([...POSTCODE_LETTERS])}`;
  return {
    lines: [`${rng.int(1, 180)} ${rng.pick(STREETS)}`],
    town: TOWN,
    postcode: `SO${rng.int(14, 19)} ${rng.int(1, 9)}${letters()}`,
  };
}

export function upn(rng: Rng, birthYear: number): string {
  const digits = `852${String(rng.int(2000, 4999))}${String((birthYear + 4) % 100).padStart(2, '0')}${String(rng.int(0, 999)).padStart(3, '0')}`;
  return `${upnCheckLetter(digits)}${digits}`;
}

export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** The academic year (1 September start) a date falls in. */
export const academicStartYear = (date: IsoDate): number => {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? year : year - 1;
};

/** A date of birth for a child in `group` (Reception = 0) in the academic year of `at`. */
export function birthDateFor(rng: Rng, group: number, at: IsoDate): IsoDate {
  const start = academicStartYear(at);
  const first = `${start - group - 5}-09-01`;
  return addCalendarDays(first, rng.int(0, 364));
}
