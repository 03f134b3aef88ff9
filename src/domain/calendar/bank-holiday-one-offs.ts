import type { IsoDate } from './iso-date.js';

export interface OneOffChange {
  /** The date the usual rule gives, which the change replaces (a moved holiday). */
  replaces?: IsoDate;
  date: IsoDate;
  name: string;
}

/**
 * Holidays moved or added by proclamation since the present pattern began in 1978. New ones announced after a
 * release belong in the council's configuration (`extraBankHolidays`) until the next release adds them here.
 */
export const ONE_OFF_CHANGES: Readonly<Record<number, readonly OneOffChange[]>> = {
  1995: [{ replaces: '1995-05-01', date: '1995-05-08', name: 'Early May bank holiday (VE day)' }],
  1999: [{ date: '1999-12-31', name: 'Millennium celebrations' }],
  2002: [
    { replaces: '2002-05-27', date: '2002-06-04', name: 'Spring bank holiday' },
    { date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
  ],
  2011: [{ date: '2011-04-29', name: 'Royal wedding' }],
  2012: [
    { replaces: '2012-05-28', date: '2012-06-04', name: 'Spring bank holiday' },
    { date: '2012-06-05', name: "Queen's Diamond Jubilee" },
  ],
  2020: [{ replaces: '2020-05-04', date: '2020-05-08', name: 'Early May bank holiday (VE day)' }],
  2022: [
    { replaces: '2022-05-30', date: '2022-06-02', name: 'Spring bank holiday' },
    { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
    { date: '2022-09-19', name: 'Bank holiday for the State Funeral of Queen Elizabeth II' },
  ],
  2023: [{ date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' }],
};
