import { describe, expect, it } from 'vitest';
import { eheCodec } from '../../../src/domain/ehe/index.js';
import { legalBasisFor } from '../../../src/domain/ehe/legal-basis.js';

/**
 * Issue 14 item 6: the s.440 and s.442 labels, checked against the stored statute text. s.440(1)-(4) was
 * found (legislation.gov.uk, section/440): the parent's request is (2), (3) or (4) by the kind of school
 * offered, which the amendment does not record, so the label stays at the section. s.442 was not in the store
 * (only its forerunner EA 1981 s.16, where the referral and the direction are one subsection, (3)): no
 * subsection can be verified, so none is written.
 */
describe('the legal bases of s.440 amendment and s.442 revocation', () => {
  it('s.440(2) "the parent requests the [local authority] by whom the order was served to amend it": section only, the school type deciding (2)/(3)/(4) not being recorded', () => {
    expect(legalBasisFor('orderAmended')).toBe('EA1996_s440');
  });

  it('s.437(4) "subject to any amendment made by the local education authority" and "(a) it is revoked by the authority": the council\'s own amendment and revocation', () => {
    expect(legalBasisFor('orderAmendedByCouncil')).toBe('EA1996_s437_4');
    expect(legalBasisFor('revocationByCouncil')).toBe('EA1996_s437_4');
  });

  it('s.442 (text not in the store): the request, the referral and the direction are cited by section only', () => {
    expect(legalBasisFor('revocation')).toBe('EA1996_s442');
    expect(legalBasisFor('revocationReferral')).toBe('EA1996_s442');
    expect(legalBasisFor('secretaryOfStateDirection')).toBe('EA1996_s442');
  });

  it('a referral stored with the unverified label EA1996_s442_4 still reads back as recorded', () => {
    const stored = {
      referredOn: '2026-09-01',
      legalBasis: 'EA1996_s442_4',
      decidedBy: 'manager-1',
    };
    const decoded = eheCodec.decode({
      type: 'SaoRefusalReferredToSecretaryOfState',
      data: stored,
      schemaVersion: 1,
    });
    expect(decoded.data).toEqual(stored);
  });
});
