import { describe, expect, it } from 'vitest';
import type { CmeCommandInput } from '../../src/domain/cme/index.js';
import type { EheCommandInput as Ehe } from '../../src/domain/ehe/index.js';
import { address, allocateCme, cmeReferral, createLog, eheReferral, newCaseId, viewsOf } from './fixtures.js';

const close = (closedOn: string, reason: string, extra: Record<string, string> = {}): Ehe => ({
  type: 'CloseCase',
  data: { closedOn, reason, reasonText: 'as recorded', ...extra },
});
const returned = (startDate: string): Ehe => ({
  type: 'RecordReturnToSchool',
  data: { school: { name: 'Redbridge Community School' }, startDate },
});
const located = (establishedOn: string, whereabouts: unknown): CmeCommandInput =>
  ({ type: 'EstablishWhereabouts', data: { establishedOn, whereabouts } }) as CmeCommandInput;

describe('the Children Not In School register, from the case events', () => {
  it('an EHE case is an entry from the day home education began, under A, B and C(a)', () => {
    const id = newCaseId();
    const log = createLog().ehe(id, [
      [eheReferral(id, { receivedOn: '2026-06-01', eheStartDate: '2026-06-08' }), '2026-06-01'],
    ]);
    const { query } = viewsOf(log.recorded, '2026-06-10');
    expect(query.register.on({ on: '2026-06-07' })).toEqual([]);
    expect(query.register.on({ on: '2026-06-08' })).toEqual([
      {
        caseId: id,
        caseType: 'ehe',
        standing: 'entry',
        givenName: 'Amira',
        familyName: 'Khan',
        dateOfBirth: '2013-10-04',
        yearGroup: 7,
        grounds: ['A', 'B', 'C(a)'],
        onRegisterSince: '2026-06-08',
        basis: 'voluntary',
        // Sara Khan lives with Amira, so her address is known; nothing of the education is yet.
        missing: [
          'previousAddress',
          'parentsProvidingEducation',
          'hoursEducatedByParents',
          'hoursEducatedByOthers',
        ],
      },
    ]);
  });

  it.each([
    ['a return to school', [returned('2026-07-06')], '2026-07-05', 'on_roll'],
    [
      'a move out of the area',
      [close('2026-07-06', 'moved_out_of_area', { receivingCouncil: 'Hampshire' })],
      '2026-07-05',
      'moved_out_of_area',
    ],
    ['a death', [close('2026-07-06', 'died')], '2026-07-05', 'died'],
    ['a closure for another reason', [close('2026-07-06', 'other')], '2026-07-05', 'case_closed'],
  ])('an entry leaves the register after %s, with the reason', (_what, steps, lastDay, reason) => {
    const id = newCaseId();
    const log = createLog().ehe(id, [
      [eheReferral(id), '2026-06-01'],
      ...steps.map((step) => [step, '2026-07-06'] as [Ehe, string]),
    ]);
    const { query } = viewsOf(log.recorded, '2026-07-10');
    expect(query.register.on({ on: lastDay })).toHaveLength(1);
    expect(query.register.on({ on: '2026-07-06' })).toEqual([]);
    expect(query.register.leavers('2026-07-01', '2026-07-31')).toMatchObject([
      { caseId: id, lastDay, reason },
    ]);
  });

  it('a child leaves at the end of compulsory school age (the last Friday in June of the year they turn 16)', () => {
    const id = newCaseId();
    const child = {
      givenName: 'Tom',
      familyName: 'Reed',
      dateOfBirth: '2010-05-01',
      sex: 'M' as const,
      address,
    };
    const log = createLog().ehe(id, [[eheReferral(id, { child }), '2026-06-01']]);
    const { query } = viewsOf(log.recorded, '2026-07-10');
    expect(query.register.on({ on: '2026-06-26' })).toHaveLength(1);
    expect(query.register.on({ on: '2026-06-27' })).toEqual([]);
    expect(query.register.leavers('2026-06-01', '2026-06-30')).toMatchObject([
      { caseId: id, lastDay: '2026-06-26', reason: 'past_compulsory_school_age' },
    ]);
  });

  it('a reopened case is back on the register from the reopening, its earlier stretch kept', () => {
    const id = newCaseId();
    const log = createLog().ehe(id, [
      [eheReferral(id), '2026-06-01'],
      [returned('2026-06-15'), '2026-06-15'],
      [close('2026-06-20', 'returned_to_school'), '2026-06-20'],
      [{ type: 'ReopenCase', data: { reopenedOn: '2026-09-07', reason: 'withdrawn again' } }, '2026-09-07'],
    ]);
    const { query } = viewsOf(log.recorded, '2026-09-10');
    expect(query.register.on({ on: '2026-09-06' })).toEqual([]);
    expect(query.register.on({ on: '2026-09-07' })).toMatchObject([
      { caseId: id, onRegisterSince: '2026-09-07' },
    ]);
    expect(query.register.periods(id)).toEqual([
      { from: '2026-06-01', to: '2026-06-14', leftBecause: 'on_roll' },
      // Compulsory school age ends on a date known from the start (s.8(3)): that stretch's end is foreseen.
      { from: '2026-09-07', to: '2030-06-28', leftBecause: 'past_compulsory_school_age' },
    ]);
  });

  it('a CME case is a candidate only once its child is located in the area, and leaves when found on roll', () => {
    const id = newCaseId();
    const log = createLog().cme(id, [
      [cmeReferral(id), '2026-06-01'],
      [allocateCme('officer-1'), '2026-06-02'],
      [located('2026-06-10', { kind: 'in_area', address }), '2026-06-10'],
      [
        located('2026-06-20', {
          kind: 'on_roll',
          school: { name: 'Redbridge Community School' },
          onRollFrom: '2026-06-18',
        }),
        '2026-06-20',
      ],
    ]);
    const { query } = viewsOf(log.recorded, '2026-06-25');
    expect(query.register.on({ on: '2026-06-09' })).toEqual([]);
    const [candidate] = query.register.on({ on: '2026-06-10' });
    expect(candidate).toMatchObject({ caseId: id, standing: 'candidate' });
    // Located: the home address is now held; the parents are not yet known.
    expect(candidate?.missing).not.toContain('homeAddress');
    expect(candidate?.missing).toContain('parents');
    expect(query.register.on({ on: '2026-06-18' })).toEqual([]);
    expect(query.register.leavers('2026-06-01', '2026-06-30')).toMatchObject([
      { caseId: id, lastDay: '2026-06-17', reason: 'on_roll' },
    ]);
  });

  it('a CME child found in another council area is not a candidate', () => {
    const id = newCaseId();
    const log = createLog().cme(id, [
      [cmeReferral(id), '2026-06-01'],
      [allocateCme('officer-1'), '2026-06-02'],
      [located('2026-06-10', { kind: 'other_council_area', council: 'Hampshire' }), '2026-06-10'],
    ]);
    expect(viewsOf(log.recorded, '2026-06-25').query.register.on({ on: '2026-06-20' })).toEqual([]);
  });

  it('filters by condition, year group and standing', () => {
    const ehe = newCaseId();
    const cme = newCaseId();
    const log = createLog()
      .ehe(ehe, [[eheReferral(ehe), '2026-06-01']])
      .cme(cme, [
        [cmeReferral(cme), '2026-06-01'],
        [allocateCme('officer-1'), '2026-06-02'],
        [located('2026-06-02', { kind: 'in_area', address }), '2026-06-02'],
      ]);
    const { query } = viewsOf(log.recorded, '2026-06-10');
    const ids = (q: Parameters<typeof query.register.on>[0]) =>
      query.register.on(q).map((entry) => entry.caseId);
    expect(ids({ on: '2026-06-10' }).sort()).toEqual([ehe, cme].sort());
    expect(ids({ on: '2026-06-10', yearGroup: 7 })).toEqual([ehe]);
    expect(ids({ on: '2026-06-10', yearGroup: 6 })).toEqual([cme]);
    expect(ids({ on: '2026-06-10', standing: 'candidate' })).toEqual([cme]);
    expect(ids({ on: '2026-06-10', condition: 'C(a)' })).toHaveLength(2);
    expect(ids({ on: '2026-06-10', condition: 'C(b)' })).toEqual([]);
  });

  describe('commencement (CWSA 2026 s.78(5)-(6)): statutory from the policy date, voluntary before', () => {
    const id = newCaseId();
    const log = createLog().ehe(id, [
      [eheReferral(id), '2026-06-01'],
      [close('2026-07-06', 'moved_out_of_area', { receivingCouncil: 'Hampshire' }), '2026-07-06'],
    ]);
    const { query } = viewsOf(log.recorded, '2026-07-10');

    it('with no commencement date every entry is voluntary', () => {
      expect(query.register.on({ on: '2026-06-10', commencement: null })).toMatchObject([
        { basis: 'voluntary' },
      ]);
      expect(query.register.on({ on: '2026-06-10' })[0]).not.toHaveProperty('statutorySince');
    });

    it('commenced in the past: statutory, from the commencement for a stretch that began before it', () => {
      const [entry] = query.register.on({ on: '2026-06-10', commencement: '2026-06-05' });
      expect(entry).toMatchObject({
        basis: 'statutory',
        onRegisterSince: '2026-06-01',
        statutorySince: '2026-06-05',
      });
    });

    it('commencing in the future: voluntary until the day, statutory on it', () => {
      expect(query.register.on({ on: '2026-06-30', commencement: '2026-07-01' })).toMatchObject([
        { basis: 'voluntary' },
      ]);
      expect(query.register.on({ on: '2026-07-01', commencement: '2026-07-01' })).toMatchObject([
        { basis: 'statutory', statutorySince: '2026-07-01' },
      ]);
    });

    it('a leaver is marked by the basis on their last day', () => {
      expect(query.register.leavers('2026-07-01', '2026-07-31', '2026-09-01')).toMatchObject([
        { basis: 'voluntary' },
      ]);
      expect(query.register.leavers('2026-07-01', '2026-07-31', '2026-07-05')).toMatchObject([
        { basis: 'statutory' },
      ]);
    });
  });
});

describe('the register entry takes in what a parent tells the council (s.436D)', () => {
  const answer = (information: Record<string, unknown>): Ehe =>
    ({
      type: 'RecordParentRegisterInformation',
      data: {
        parentId: 'parent-1',
        receivedOn: '2026-06-15',
        completeness: 'complete',
        summary: 'As the form was returned',
        information,
      },
    }) as Ehe;
  const missingOn = (steps: [Ehe, string][], on = '2026-06-20') => {
    const id = newCaseId();
    const log = createLog().ehe(id, [
      [eheReferral(id, { receivedOn: '2026-06-01', eheStartDate: '2026-06-08' }), '2026-06-01'],
      ...steps,
    ]);
    return viewsOf(log.recorded, on).query.register.on({ on })[0]?.missing;
  };

  it('shows nothing missing once the parent has given the education and how long the child has lived there', () => {
    const information = {
      livingAtHomeAddressSince: '2019-03-01',
      parentsProvidingEducation: ['Sara Khan'],
      hoursEducatedByParents: 20,
      hoursEducatedByOthers: 4,
    };
    expect(missingOn([[answer(information), '2026-06-15']])).toEqual([]);
  });

  it('still asks for the previous address of a child at the home address under 12 months', () => {
    const information = {
      livingAtHomeAddressSince: '2026-01-10',
      parentsProvidingEducation: ['Sara Khan'],
      hoursEducatedByParents: 20,
      hoursEducatedByOthers: 0,
    };
    expect(missingOn([[answer(information), '2026-06-15']])).toEqual(['previousAddress']);
    expect(missingOn([[answer({ ...information, previousAddress: address }), '2026-06-15']])).toEqual([]);
  });

  it('keeps what is still missing after a partial answer', () => {
    expect(missingOn([[answer({ hoursEducatedByParents: 25 }), '2026-06-15']])).toEqual([
      'previousAddress',
      'parentsProvidingEducation',
      'hoursEducatedByOthers',
    ]);
  });
});

describe('the register entry lists a provider the council asks (s.436E), with the hours it gives', () => {
  const askProvider = {
    type: 'RequestProviderRegisterInformation',
    data: {
      requestId: 'p-1',
      providerId: 'tutor-1',
      providerName: 'Bright Maths Tuition',
      requestedOn: '2026-06-10',
    },
  } as Ehe;
  const providerAnswers = {
    type: 'RecordProviderRegisterInformation',
    data: {
      requestId: 'p-1',
      receivedOn: '2026-06-12',
      hoursPerWeek: 4,
      hoursWithoutParentPerWeek: 4,
      summary: 'Maths, online',
    },
  } as Ehe;
  const missingOn = (steps: [Ehe, string][]) => {
    const id = newCaseId();
    const log = createLog().ehe(id, [
      [eheReferral(id, { receivedOn: '2026-06-01', eheStartDate: '2026-06-08' }), '2026-06-01'],
      ...steps,
    ]);
    return viewsOf(log.recorded, '2026-06-20').query.register.on({ on: '2026-06-20' })[0]?.missing ?? [];
  };

  it('asks for what s.436C needs of the provider once it is known, and no longer for the hours it gave', () => {
    const asked = missingOn([[askProvider, '2026-06-10']]);
    expect(asked.filter((field) => field.startsWith('providers['))).toEqual([
      'providers[0].address',
      'providers[0].type',
      'providers[0].place',
      'providers[0].hoursPerWeek',
      'providers[0].hoursWithoutParentPerWeek',
    ]);
    const answered = missingOn([
      [askProvider, '2026-06-10'],
      [providerAnswers, '2026-06-12'],
    ]);
    expect(answered.filter((field) => field.startsWith('providers['))).toEqual([
      'providers[0].address',
      'providers[0].type',
      'providers[0].place',
    ]);
  });
});
