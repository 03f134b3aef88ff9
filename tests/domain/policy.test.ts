import { describe, expect, it } from 'vitest';
import { computeDueDate } from '../../src/domain/clocks.js';
import { decideContext } from '../../src/domain/context.js';
import { DomainError } from '../../src/domain/decider.js';
import { clockNames, defaultPolicy, labelOf, loadPolicy, PolicySchema } from '../../src/domain/policy.js';

function rejection(text: string, format: 'json' | 'yaml' = 'json'): DomainError {
  try {
    loadPolicy(text, format);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the policy to be rejected');
}

describe('the default policy', () => {
  it('is valid and covers every clock of the clock table', () => {
    expect(PolicySchema.parse(defaultPolicy)).toEqual(defaultPolicy);
    expect(Object.keys(defaultPolicy.clocks).sort()).toEqual([...clockNames].sort());
  });

  it('carries DOMAIN.md defaults', () => {
    const { clocks, escalation } = defaultPolicy;
    expect(clocks.firstContact).toMatchObject({ duration: 5, priorityDuration: 2, dayType: 'working' });
    expect(clocks.section437Notice).toMatchObject({
      duration: 15,
      dayType: 'beginning_with',
      statutoryMinimum: 15,
    });
    expect(clocks.esoReasons).toMatchObject({ duration: 8, unit: 'weeks' });
    expect(clocks.annualContact).toMatchObject({ duration: 12, unit: 'months', remindDaysBefore: 30 });
    expect(clocks.cmeTracingReview).toMatchObject({ duration: 10, repeatDuration: 20, dayType: 'school' });
    expect(escalation).toEqual({
      graceWorkingDays: 2,
      headOfServiceAfterWorkingDays: 5,
      immediate: ['cmeHighRiskReport'],
    });
    expect(defaultPolicy.commencement).toEqual({
      cnisRegister: null,
      localAuthorityConsent: null,
      schoolAttendanceOrders: null,
    });
  });

  it('keeps stable codes and exports the DfE labels', () => {
    expect(labelOf(defaultPolicy.codes.primaryReasons, 'school_suggestion')).toBe('School suggestion');
    expect(defaultPolicy.codes.primaryReasons).toHaveLength(19);
    expect(defaultPolicy.codes.previousSchoolTypes).toHaveLength(11);
    expect(defaultPolicy.codes.cmeTimeMissing.map((c) => c.code)).toEqual([
      'twelve_weeks_or_less',
      'more_than_twelve_weeks',
      'unknown',
    ]);
  });
});

describe('loading a council policy', () => {
  it('merges a JSON file over the defaults', () => {
    const policy = loadPolicy(
      JSON.stringify({ version: 'soton-2026.2', clocks: { firstContact: { duration: 3 } } }),
      'json',
    );
    expect(policy.version).toBe('soton-2026.2');
    expect(policy.clocks.firstContact).toMatchObject({
      duration: 3,
      priorityDuration: 2,
      dayType: 'working',
    });
    expect(policy.clocks.firstVisit).toEqual(defaultPolicy.clocks.firstVisit);
  });

  it('reads YAML with closure days and term dates', () => {
    const policy = loadPolicy(
      [
        'version: kent-2027.1',
        'calendar:',
        '  closureDays: [2026-12-29, 2026-12-30, 2026-12-31]',
        '  termDates:',
        '    council:',
        '      - { start: 2026-09-03, end: 2026-10-23 }',
        'escalation:',
        '  graceWorkingDays: 1',
      ].join('\n'),
      'yaml',
    );
    expect(policy.calendar.closureDays).toEqual(['2026-12-29', '2026-12-30', '2026-12-31']);
    expect(policy.escalation).toMatchObject({ graceWorkingDays: 1, headOfServiceAfterWorkingDays: 5 });
  });

  it('replaces lists rather than merging them', () => {
    const policy = loadPolicy(
      JSON.stringify({ version: 'v', codes: { cmeTimeMissing: [{ code: 'unknown', label: 'Unknown' }] } }),
      'json',
    );
    expect(policy.codes.cmeTimeMissing).toHaveLength(1);
    expect(policy.codes.primaryReasons).toHaveLength(19);
  });

  it('may lengthen the s437(1) period', () => {
    const policy = loadPolicy('version: v\nclocks: { section437Notice: { duration: 21 } }', 'yaml');
    expect(policy.clocks.section437Notice.duration).toBe(21);
  });

  it.each([
    [
      's437(1) period under 15 days',
      { section437Notice: { duration: 14 } },
      'clocks.section437Notice.duration',
    ],
    [
      's437(1) counted in working days',
      { section437Notice: { dayType: 'working' } },
      'clocks.section437Notice.dayType',
    ],
    ['s438 choice under 15 days', { section438Choice: { duration: 10 } }, 'clocks.section438Choice.duration'],
    [
      's438 choice other than 15 days',
      { section438Choice: { duration: 20 } },
      'clocks.section438Choice.duration',
    ],
    ['ESO reasons under 8 weeks', { esoReasons: { duration: 6 } }, 'clocks.esoReasons.duration'],
    ['ESO reasons in days', { esoReasons: { unit: 'days', duration: 56 } }, 'clocks.esoReasons.unit'],
    [
      'a shorter priority variant',
      { section437Notice: { priorityDuration: 10 } },
      'clocks.section437Notice.priorityDuration',
    ],
  ])('rejects a policy that would shorten a statutory period: %s', (_name, clocks, field) => {
    const error = rejection(JSON.stringify({ version: 'v', clocks }));
    expect(error.code).toBe('policy_invalid');
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  });

  it('rejects a code list that drops a code the deciders rely on, or lists one twice', () => {
    const dropped = rejection(
      JSON.stringify({
        version: 'v',
        codes: { primaryReasons: [{ code: 'lifestyle', label: 'Lifestyle' }] },
      }),
    );
    expect(dropped.field).toBe('codes.primaryReasons');
    expect(dropped.message).toContain('other');
    const twice = [...defaultPolicy.codes.eheClosureReasons, { code: 'died', label: 'Deceased' }];
    expect(
      rejection(JSON.stringify({ version: 'v', codes: { eheClosureReasons: twice } })).message,
    ).toContain('died twice');
  });

  it('rejects months counted in working days', () => {
    expect(
      rejection(JSON.stringify({ version: 'v', clocks: { annualContact: { dayType: 'working' } } })).field,
    ).toBe('clocks.annualContact.dayType');
  });

  it('counts a week of working days as five of them', () => {
    const policy = loadPolicy(
      JSON.stringify({ version: 'v', clocks: { firstVisit: { duration: 2, unit: 'weeks' } } }),
      'json',
    );
    const ctx = decideContext(new Date('2026-06-01T09:00:00Z'), policy, { id: 'm', role: 'manager' });
    expect(
      computeDueDate('firstVisit', '2026-06-01', { policy, calendar: ctx.calendar, priority: false }).dueOn,
    ).toBe('2026-06-15');
  });

  it('rejects a file without its own version, since due dates record it', () => {
    expect(rejection('clocks: { firstContact: { duration: 3 } }', 'yaml').field).toBe('version');
  });

  it('rejects unknown settings, naming them', () => {
    expect(rejection(JSON.stringify({ version: 'v', clocks: { firstContact: { durashun: 3 } } })).field).toBe(
      'clocks.firstContact',
    );
  });

  it('rejects a malformed date, naming the field', () => {
    expect(
      rejection(JSON.stringify({ version: 'v', commencement: { cnisRegister: '1/9/2027' } })).field,
    ).toBe('commencement.cnisRegister');
  });

  it('refuses a CWSA 2026 commencement date while that part is not modelled (s.78(5)-(6): a day per purpose)', () => {
    for (const provision of ['localAuthorityConsent', 'schoolAttendanceOrders']) {
      const refused = rejection(
        JSON.stringify({ version: 'v', commencement: { [provision]: '2027-09-01' } }),
      );
      expect(refused.field).toBe(`commencement.${provision}`);
      expect(refused.message).toContain('not modelled');
    }
  });

  it('takes a commencement date for the Children Not In School register, which is modelled (ss.436B-436G)', () => {
    const policy = loadPolicy(
      JSON.stringify({ version: 'v', commencement: { cnisRegister: '2027-09-01' } }),
      'json',
    );
    expect(policy.commencement).toEqual({
      cnisRegister: '2027-09-01',
      localAuthorityConsent: null,
      schoolAttendanceOrders: null,
    });
  });

  it('rejects text that does not parse', () => {
    expect(rejection('{ version: ', 'json').code).toBe('policy_invalid');
    expect(rejection('version: [unclosed', 'yaml').code).toBe('policy_invalid');
    expect(rejection('- just a list', 'yaml').code).toBe('policy_invalid');
  });
});

describe('a decide context built from a policy', () => {
  it("uses the policy's own calendar, so closure days move due dates", () => {
    const policy = loadPolicy(
      'version: v\ncalendar: { closureDays: [2026-12-29, 2026-12-30, 2026-12-31] }',
      'yaml',
    );
    const ctx = decideContext(new Date('2026-12-24T10:00:00Z'), policy, { id: 'm', role: 'manager' });
    expect(ctx.calendar.addWorkingDays('2026-12-24', 5)).toBe('2027-01-08');
  });
});
