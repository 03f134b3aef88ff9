import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  childMatchKey,
  childSchema,
  dateOfBirthSchemaAsOf,
  isDateOfBirthNotInFuture,
  isTemporaryUpn,
  isUkPostcode,
  isValidUpn,
  normaliseName,
  normalisePostcode,
  personNameSchema,
  postcodeSchema,
  senStatusSchema,
  sexSchema,
  ukAddressSchema,
  upnCheckLetter,
  upnSchema,
} from '../../src/domain/child.js';

const messagesOf = (schema: z.ZodType, value: unknown): string[] => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map(({ message }) => message);
};

describe('names', () => {
  it('are trimmed', () => {
    expect(personNameSchema.parse('  Amira ')).toBe('Amira');
  });

  it('must not be empty or only spaces', () => {
    expect(messagesOf(personNameSchema, '   ')).toEqual(['must not be empty']);
  });

  it('may be up to 100 characters', () => {
    expect(personNameSchema.safeParse('a'.repeat(100)).success).toBe(true);
    expect(messagesOf(personNameSchema, 'a'.repeat(101))).toEqual(['must be at most 100 characters']);
  });
});

describe('date of birth', () => {
  it('must be a real date', () => {
    expect(childSchema.shape.dateOfBirth.safeParse('2015-02-29').success).toBe(false);
    expect(childSchema.shape.dateOfBirth.safeParse('2016-02-29').success).toBe(true);
  });

  it('is checked against the caller’s today, today itself allowed', () => {
    expect(isDateOfBirthNotInFuture('2025-11-23', '2025-11-23')).toBe(true);
    expect(isDateOfBirthNotInFuture('2025-11-24', '2025-11-23')).toBe(false);
    expect(messagesOf(dateOfBirthSchemaAsOf('2025-11-23'), '2025-11-24')).toEqual([
      'must not be in the future',
    ]);
    expect(dateOfBirthSchemaAsOf('2025-11-23').safeParse('2015-06-01').success).toBe(true);
  });
});

describe('sex and SEN status', () => {
  it('take the DfE codes only, and say which', () => {
    expect(sexSchema.options).toEqual(['F', 'M', 'U']);
    expect(messagesOf(sexSchema, 'female')).toEqual(["must be 'F' (female), 'M' (male) or 'U' (unknown)"]);
    expect(senStatusSchema.options).toEqual(['N', 'K', 'E']);
    expect(messagesOf(senStatusSchema, 'EHCP')).toEqual([
      "must be 'N' (none), 'K' (SEN support) or 'E' (EHC plan)",
    ]);
  });
});

describe('UPN', () => {
  it('accepts published valid examples', () => {
    // python-stdnum's gb.upn documentation; ScholarPack's temporary-UPN example
    expect(isValidUpn('B801200005001')).toBe(true);
    expect(isValidUpn('X00180001701A')).toBe(true);
  });

  it('computes the check letter as the DfE guide does: position p weighted p, sum modulo 23', () => {
    // 8×2 + 1×4 + 2×5 + 5×10 + 1×13 = 93 = 4×23 + 1 → B
    expect(upnCheckLetter('801200005001')).toBe('B');
    // 1×4 + 8×5 + 1×9 + 7×10 + 1×12 + A(0)×13 = 135 = 5×23 + 20 → X
    expect(upnCheckLetter('00180001701A')).toBe('X');
  });

  it('follows the arithmetic, not a slip in a published help page', () => {
    // Arbor's census-error help corrects B207000016049 to Q207000016049, but its own products sum to
    // 2×2 + 7×4 + 1×9 + 6×10 + 4×12 + 9×13 = 266 (it says 267) = 11×23 + 13 → P, the 14th letter without I and O
    expect(upnCheckLetter('207000016049')).toBe('P');
    expect(isValidUpn('P207000016049')).toBe(true);
    expect(isValidUpn('Q207000016049')).toBe(false);
  });

  it('rejects a wrong check letter', () => {
    expect(isValidUpn('A801200005001')).toBe(false);
    expect(isValidUpn('B207000016049')).toBe(false);
    expect(messagesOf(upnSchema, 'B207000016049')).toEqual(['has the wrong check letter']);
  });

  it('accepts a temporary UPN, whose final letter counts as its place in the alphabet (A = 0)', () => {
    // As B801200005001 with the serial's last digit (1, weighted 13) replaced by A (0): 93 − 13 = 80 = 3×23 + 11 → M
    expect(upnCheckLetter('80120000500A')).toBe('M');
    expect(isValidUpn('M80120000500A')).toBe(true);
    expect(isTemporaryUpn('M80120000500A')).toBe(true);
    expect(isTemporaryUpn('B801200005001')).toBe(false);
    expect(upnSchema.parse('M80120000500A')).toBe('M80120000500A');
  });

  it('catches any single mistyped digit, as 23 is prime and no weight is a multiple of it', () => {
    const digit = fc.constantFrom(...'0123456789');
    const lastTwelve = fc
      .tuple(
        fc.array(digit, { minLength: 11, maxLength: 11 }),
        fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUVWXYZ'),
      )
      .map(([digits, last]) => `${digits.join('')}${last}`);
    fc.assert(
      fc.property(lastTwelve, fc.integer({ min: 0, max: 10 }), digit, (rest, position, typed) => {
        const upn = `${upnCheckLetter(rest)}${rest}`;
        expect(isValidUpn(upn)).toBe(true);
        const mistyped = `${upn.slice(0, position + 1)}${typed}${upn.slice(position + 2)}`;
        expect(isValidUpn(mistyped)).toBe(mistyped === upn);
      }),
    );
  });

  it('is read in upper case with the spaces around it trimmed', () => {
    expect(upnSchema.parse(' b801200005001 ')).toBe('B801200005001');
  });

  it('refuses the wrong shape with one message saying what the shape is', () => {
    const shape =
      'must be 13 characters: a check letter, 11 digits, then a digit (or a letter for a temporary UPN)';
    expect(messagesOf(upnSchema, 'B80120000500')).toEqual([shape]);
    expect(messagesOf(upnSchema, 'I801200005001')).toEqual([shape]); // I is never a check letter
    expect(messagesOf(upnSchema, 'B8012000A5001')).toEqual([shape]);
    expect(messagesOf(upnSchema, 'B80120000500S')).toEqual([shape]); // nor is S a temporary letter
  });
});

describe('postcodes', () => {
  it.each([
    ['SO14 7LY', 'SO14 7LY'],
    ['so147ly', 'SO14 7LY'],
    ['  so14   7ly ', 'SO14 7LY'],
    ['ec1a1bb', 'EC1A 1BB'],
    ['W1A 0AX', 'W1A 0AX'],
    ['m1 1ae', 'M1 1AE'],
    ['CR2 6XH', 'CR2 6XH'],
    ['DN551PT', 'DN55 1PT'],
    ['ME4 4QX', 'ME4 4QX'],
  ])('accepts %s as %s', (input, normalised) => {
    expect(normalisePostcode(input)).toBe(normalised);
    expect(isUkPostcode(input)).toBe(true);
    expect(postcodeSchema.parse(input)).toBe(normalised);
  });

  it.each([
    ['SO14', 'an outward code alone'],
    ['QO14 7LY', 'Q never starts a postcode'],
    ['SO14 7CY', 'C never ends one'],
    ['SO147 7LY', 'too many digits'],
    ['12345', 'a US ZIP code'],
    ['', 'empty'],
  ])('rejects %s (%s)', (input) => {
    expect(isUkPostcode(input)).toBe(false);
    expect(messagesOf(postcodeSchema, input)).toEqual(['must be a UK postcode, like SO14 7LY']);
  });
});

describe('UK address', () => {
  it('holds one to four lines, a town and a normalised postcode', () => {
    expect(
      ukAddressSchema.parse({ lines: [' 1 Civic Centre Road '], town: 'Southampton', postcode: 'so147ly' }),
    ).toEqual({
      lines: ['1 Civic Centre Road'],
      town: 'Southampton',
      postcode: 'SO14 7LY',
    });
  });

  it('says which part is wrong', () => {
    const result = ukAddressSchema.safeParse({ lines: [], town: ' ', postcode: 'nowhere' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(({ path, message }) => [path.join('.'), message])).toEqual([
      ['lines', 'needs at least one line'],
      ['town', 'must not be empty'],
      ['postcode', 'must be a UK postcode, like SO14 7LY'],
    ]);
  });
});

describe('child', () => {
  it('needs names, date of birth and sex; the rest may be unknown', () => {
    expect(
      childSchema.parse({ givenName: 'Amira', familyName: 'Khan', dateOfBirth: '2014-09-01', sex: 'F' }),
    ).toEqual({ givenName: 'Amira', familyName: 'Khan', dateOfBirth: '2014-09-01', sex: 'F' });
    expect(childSchema.safeParse({ givenName: 'Amira', dateOfBirth: '2014-09-01', sex: 'F' }).success).toBe(
      false,
    );
  });

  it('takes everything a deletion return can tell, normalised', () => {
    expect(
      childSchema.parse({
        givenName: ' Zoë ',
        familyName: 'O’Brien',
        dateOfBirth: '2016-02-29',
        sex: 'U',
        upn: 'b801200005001',
        senStatus: 'E',
        address: { lines: ['Flat 2', '10 High Street'], town: 'Maidstone', postcode: 'me14 1xq' },
        ethnicity: 'WBRI',
      }),
    ).toMatchObject({ givenName: 'Zoë', upn: 'B801200005001', address: { postcode: 'ME14 1XQ' } });
  });

  it('names the field at fault', () => {
    const result = childSchema.safeParse({
      givenName: 'Amira',
      familyName: 'Khan',
      dateOfBirth: '2014-09-01',
      sex: 'F',
      upn: 'A801200005001',
    });
    expect(result.error?.issues.map(({ path, message }) => [path.join('.'), message])).toEqual([
      ['upn', 'has the wrong check letter'],
    ]);
  });

  it('renders as JSON Schema for the API document', () => {
    expect(() => z.toJSONSchema(childSchema)).not.toThrow();
  });
});

describe('normaliseName', () => {
  it.each([
    ['Zoë', 'zoe', 'drops diacritics'],
    ['JOSÉ', 'jose', 'lower-cases after dropping accents'],
    ['Łukasz Wójcik', 'lukasz wojcik', 'maps letters that have no decomposition'],
    ['Strauß', 'strauss', 'sharp s'],
    ['  Mary   Ann  ', 'mary ann', 'trims and collapses spaces'],
    ['Smith-Jones', 'smith jones', 'reads a hyphen as a space'],
    ["O'Brien", 'obrien', 'removes an apostrophe'],
    ['O’Brien', 'obrien', 'removes a typographic apostrophe the same way'],
    ['Ann-Marie  O’Neil', 'ann marie oneil', 'all of it at once'],
    ['ﬁona', 'fiona', 'unfolds ligatures'],
  ])('%s → %s (%s)', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });
});

describe('childMatchKey', () => {
  it('brings together spellings of the same child', () => {
    const key = childMatchKey('Zoë', "O'Brien-Smith", '2014-09-01');
    expect(childMatchKey('ZOE', 'O Brien Smith', '2014-09-01')).toBe(key);
    expect(childMatchKey(' zoe ', 'OBrien-Smith', '2014-09-01')).toBe(key);
  });

  it('keeps apart children with another date of birth or names swapped', () => {
    const key = childMatchKey('James', 'Thomas', '2014-09-01');
    expect(childMatchKey('James', 'Thomas', '2014-09-02')).not.toBe(key);
    expect(childMatchKey('Thomas', 'James', '2014-09-01')).not.toBe(key);
  });

  it('refuses a date of birth that is not a date', () => {
    expect(() => childMatchKey('James', 'Thomas', '01/09/2014')).toThrow(RangeError);
  });
});
