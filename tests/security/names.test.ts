import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childSchema } from '../../src/domain/child.js';
import { eheReferral } from '../api/fixtures.js';
import { bearer, type TestApi, testApi } from '../api/support.js';
import {
  address,
  createLog,
  eheReferral as eheReferralCommand,
  newCaseId,
  viewsOf,
} from '../projections/fixtures.js';

const hidden = 'must not contain control characters, text-direction overrides or unpaired surrogates';

describe('a name refuses the characters that could hide what it says', () => {
  let api: TestApi;
  let manager: Record<string, string>;
  beforeAll(async () => {
    api = await testApi();
    manager = bearer(await api.token('manager'));
  });
  afterAll(() => api.close());

  const refer = (referral: Record<string, unknown>) =>
    api.app.inject({ method: 'POST', url: '/v1/ehe-cases', payload: referral, headers: manager });

  it.each([
    ['NUL', 'Ame\u0000lia'],
    ['a C0 control', 'Ame\u001blia'],
    ['a C1 control', 'Ame\u0085lia'],
    ['a right-to-left override', 'Ame\u202Elia'],
    ['a left-to-right embedding', 'Ame\u202Alia'],
    ['a first-strong isolate', 'Ame\u2068lia'],
    ['a pop directional isolate', 'Ame\u2069lia'],
    ['an unpaired high surrogate', 'Ame\uD800lia'],
    ['an unpaired low surrogate', 'Amelia\uDC00'],
  ])("in a child's given name: %s", async (_, givenName) => {
    const referral = eheReferral();
    const response = await refer({ ...referral, child: { ...(referral.child as object), givenName } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'body.child.givenName', message: hidden }]);
  });

  it("in a child's family name, a parent's name and a school's name", async () => {
    const referral = eheReferral();
    const response = await refer({
      ...referral,
      child: { ...(referral.child as object), familyName: 'Walker\u202E' },
      parentsCarers: [{ name: 'Sam\u0007 Walker', relationship: 'mother', livesWithChild: true }],
      schoolLeft: { name: 'Bitterne\u2066 Park' },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(['body.child.familyName', 'body.parentsCarers.0.name', 'body.schoolLeft.name']);
  });

  it('is refused in any text a client sends, a note included, but tabs and line breaks stay', async () => {
    const referral = eheReferral();
    const withNote = await refer({ ...referral, sourceDetail: 'Told by phone\u202E' });
    expect(withNote.json().errors).toEqual([{ path: 'body.sourceDetail', message: hidden }]);
    const lines = await refer({ ...eheReferral(), sourceDetail: 'Told by phone\nthen by letter' });
    expect(lines.statusCode).toBe(201);
  });

  it('leaves a case stored before the rule readable, whatever its name holds', async () => {
    // The rule is the API's, not the stored events': an old event with such a name still folds.
    const stored = newCaseId();
    const old = createLog().ehe(stored, [
      [
        eheReferralCommand(stored, {
          child: {
            givenName: 'Ame\u0085lia',
            familyName: 'Walker',
            dateOfBirth: '2014-02-01',
            sex: 'F',
            address,
          },
        }),
        '2026-06-01',
      ],
    ]);
    const { query } = viewsOf(old.recorded, '2026-06-10');
    expect(query.caseSummary.get(stored)?.child.givenName).toBe('Ame\u0085lia');
  });

  it('still takes names in any script, with accents, apostrophes, hyphens and letters beyond the BMP', () => {
    for (const givenName of [
      'Zoë',
      'Seán',
      'Иван',
      'محمد',
      '李明',
      "D'Arcy",
      'Anne-Marie',
      'Ⅻ Surrogate 𝒜',
    ]) {
      const parsed = childSchema.safeParse({
        givenName,
        familyName: 'Walker',
        dateOfBirth: '2014-02-01',
        sex: 'F',
      });
      expect(parsed.success, givenName).toBe(true);
    }
  });
});

describe('the child index compares names by their confusable skeleton', () => {
  const grace = newCaseId();
  const log = createLog().ehe(grace, [
    [
      eheReferralCommand(grace, {
        child: { givenName: 'Grace', familyName: 'Walker', dateOfBirth: '2014-02-01', sex: 'F', address },
      }),
      '2026-06-01',
    ],
  ]);
  const { query } = viewsOf(log.recorded, '2026-06-10');

  it.each([
    ['Grаce', 'Walker', 'a Cyrillic а in the given name'],
    ['Grace', 'Wаlkеr', 'Cyrillic а and е in the family name'],
    ['GRАCE', 'WALKER', 'a Cyrillic capital А'],
    ['Grace', 'Ԝalker', 'a Cyrillic Ԝ'],
  ])('finds Grace Walker from %s %s (%s)', (givenName, familyName) => {
    const matches = query.childIndex.matches({ givenName, familyName, dateOfBirth: '2014-02-01' });
    expect(matches.map((match) => match.caseId)).toEqual([grace]);
  });
});

describe('the hidden-character check', () => {
  it('walks a body nested 100,000 deep without overflowing the stack', async () => {
    const { hiddenCharacterPaths } = await import('../../src/api/plugins/hidden-characters.js');
    const deep = JSON.parse(`${'['.repeat(100_000)}"x\u202E"${']'.repeat(100_000)}`);
    expect(hiddenCharacterPaths(deep)).toHaveLength(1);
  });
});
