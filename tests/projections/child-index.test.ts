import { describe, expect, it } from 'vitest';
import { address, allocate, cmeReferral, createLog, eheReferral, newCaseId, viewsOf } from './fixtures.js';

describe('child index', () => {
  const upn = 'H801200001001';
  const open = newCaseId();
  const closed = newCaseId();
  const missing = newCaseId();
  const log = createLog()
    .ehe(closed, [
      [
        eheReferral(closed, {
          child: { givenName: 'Seán', familyName: "O'Brien", dateOfBirth: '2014-02-01', sex: 'M', address },
        }),
        '2026-06-01',
      ],
      [allocate('officer-1'), '2026-06-02'],
      [
        {
          type: 'CloseCase',
          data: { closedOn: '2026-06-03', reason: 'other', reasonText: 'duplicate referral' },
        },
        '2026-06-03',
      ],
    ])
    .ehe(open, [
      [
        eheReferral(open, {
          child: {
            givenName: 'Amira',
            familyName: 'Khan',
            dateOfBirth: '2013-10-04',
            sex: 'F',
            upn,
            address,
          },
        }),
        '2026-06-01',
      ],
    ])
    .cme(missing, [
      [
        cmeReferral(missing, {
          child: { givenName: 'Sean', familyName: 'OBrien', dateOfBirth: '2014-02-01', sex: 'M' },
        }),
        '2026-06-01',
      ],
    ]);
  const { query } = viewsOf(log.recorded, '2026-06-10');

  it('finds a child by UPN whatever the name', () => {
    expect(
      query.childIndex.matches({
        upn,
        givenName: 'Amy',
        familyName: 'Khan-Smith',
        dateOfBirth: '2013-10-04',
      }),
    ).toEqual([{ caseId: open, caseType: 'ehe', status: 'referred', open: true, matchedOn: 'upn' }]);
  });

  it('finds a child by normalised names and date of birth, open cases first, closed ones as previously known', () => {
    const matches = query.childIndex.matches({
      givenName: 'SEAN',
      familyName: 'O’Brien',
      dateOfBirth: '2014-02-01',
    });
    expect(matches).toEqual([
      { caseId: missing, caseType: 'cme', status: 'open', open: true, matchedOn: 'name_and_date_of_birth' },
      { caseId: closed, caseType: 'ehe', status: 'closed', open: false, matchedOn: 'name_and_date_of_birth' },
    ]);
  });

  it('a different date of birth is a different child', () => {
    expect(
      query.childIndex.matches({ givenName: 'Sean', familyName: 'OBrien', dateOfBirth: '2014-02-02' }),
    ).toEqual([]);
  });
});
