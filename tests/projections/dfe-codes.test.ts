import { describe, expect, it } from 'vitest';
import { dfeCategories, dfeCategoryOf } from '../../src/domain/dfe-codes.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { cmeReferral, createLog, eheReferral, newCaseId, viewsOf } from './fixtures.js';

const census = '2026-10-01';

describe("the DfE return carries the DfE's own code and label of each category (issue 15 item 5)", () => {
  const [lifestyle, bullying, missing] = [newCaseId(), newCaseId(), newCaseId()];
  const log = createLog()
    .ehe(lifestyle, [[eheReferral(lifestyle, { primaryReason: { code: 'lifestyle' } }), '2026-06-01']])
    .ehe(bullying, [
      [eheReferral(bullying, { child: { ...eheChild(), sex: 'M', senStatus: 'K' } }), '2026-06-01'],
    ])
    .cme(missing, [
      [cmeReferral(missing, { receivedOn: '2026-09-14', missingSince: '2026-09-01' }), '2026-09-14'],
    ]);
  const { statistics } = viewsOf(log.recorded, '2026-12-01').query;
  const rows = statistics.dfeReturn(census, 'raw').rows;
  const row = (section: string, figure: string, code: string | null) =>
    rows.find((r) => r.section === section && r.figure === figure && r.code === code);

  it("labels the EHE reason 'lifestyle' as the DfE does, 'Lifestyle', not the council's label", () => {
    expect(row('ehe', 'byPrimaryReason', 'lifestyle')).toEqual({
      section: 'ehe',
      figure: 'byPrimaryReason',
      code: 'lifestyle',
      dfeCode: null,
      dfeLabel: 'Lifestyle',
      value: 1,
    });
  });

  it('labels sex and year group with the labels of the published data, and SEN support with its census code K', () => {
    expect(row('ehe', 'bySex', 'M')).toMatchObject({ dfeLabel: 'Male', value: 1 });
    expect(row('ehe', 'bySex', 'F')).toMatchObject({ dfeLabel: 'Female', value: 1 });
    // Born 4 October 2013: Year 8 in 2026-27.
    expect(row('ehe', 'byYearGroup', 'Year 8')).toMatchObject({ dfeLabel: 'Year 8', value: 2 });
    expect(row('ehe', 'senSupport', 'senSupport')).toMatchObject({ dfeCode: 'K', value: 1 });
    expect(row('cme', 'byPrimaryReason', 'whereabouts_unknown')).toMatchObject({
      dfeLabel: 'Whereabouts unknown',
      value: 1,
    });
    expect(row('cme', 'byTimeMissing', 'twelve_weeks_or_less')).toMatchObject({
      dfeLabel: '12 weeks or less',
    });
  });

  it('has a row for every figure of the return, the totals without a code, and sums to the same figures', () => {
    const report = statistics.dfeReturn(census, 'raw');
    expect(row('ehe', 'total', null)).toMatchObject({ dfeLabel: null, value: report.ehe.total });
    const yearGroupRows = rows.filter((r) => r.section === 'ehe' && r.figure === 'byYearGroup');
    expect(yearGroupRows.reduce((sum, r) => sum + Number(r.value), 0)).toBe(report.ehe.total);
  });

  it('leaves a breakdown the DfE does not collect (the referral source) without a DfE code or label', () => {
    expect(row('cme', 'bySource', 'deletion_return_no_destination')).toMatchObject({
      dfeCode: null,
      dfeLabel: null,
    });
  });

  it('rounds the rows as the figures when published rounding is asked for', () => {
    expect(
      statistics.dfeReturn(census, 'published').rows.find((r) => r.figure === 'byPrimaryReason'),
    ).toMatchObject({ value: 'low' });
  });
});

describe('the DfE code list', () => {
  it('has a DfE label for every EHE and CME primary reason of the default policy', () => {
    for (const { code } of defaultPolicy.codes.primaryReasons)
      expect(dfeCategoryOf('ehe', 'byPrimaryReason', code), code).not.toBeNull();
    for (const { code } of defaultPolicy.codes.cmePrimaryReasons)
      expect(dfeCategoryOf('cme', 'byPrimaryReason', code), code).not.toBeNull();
    for (const { code } of defaultPolicy.codes.cmeTimeMissing)
      expect(dfeCategoryOf('cme', 'byTimeMissing', code), code).not.toBeNull();
  });

  it('never gives a DfE code to a label still to be checked unless it names its source (the SEN census codes)', () => {
    const coded = Object.values(dfeCategories).flatMap((lists) =>
      Object.entries(lists).flatMap(([list, entries]) =>
        Object.values(entries as Record<string, { dfeCode: string | null }>)
          .filter((entry) => entry.dfeCode !== null)
          .map(() => list),
      ),
    );
    expect(new Set(coded)).toEqual(new Set(['senStatus']));
  });

  it("does not read Object's own properties as codes", () => {
    expect(dfeCategoryOf('ehe', 'byPrimaryReason', 'constructor')).toBeNull();
    expect(dfeCategoryOf('ehe', 'toString', 'x')).toBeNull();
  });
});

function eheChild() {
  const referral = eheReferral('x');
  if (referral.type !== 'ReceiveEheReferral') throw new Error('an EHE referral');
  return referral.data.child;
}
