import { z } from 'zod';
import { type IsoDate, isIsoDate, isoDateSchema } from './calendar/index.js';
import { nameSkeleton } from './name-skeleton.js';

/*
 * The child as a referral describes them: value objects with zod schemas, exported so the API can use them
 * as body schemas. Normalising steps (trim, upper case, postcode spacing) are zod overwrites rather than
 * transforms, so input and output types stay `string` and the schemas still render as JSON Schema.
 */

const MAX_NAME_LENGTH = 100;

export const personNameSchema = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` });
export const givenNameSchema = personNameSchema;
export const familyNameSchema = personNameSchema;

/** A real date; whether it is in the future depends on `today`, which the caller knows and this module does not. */
export const dateOfBirthSchema = isoDateSchema;

export function isDateOfBirthNotInFuture(dateOfBirth: IsoDate, today: IsoDate): boolean {
  // ISO dates with four-digit years sort as strings
  return isIsoDate(dateOfBirth) && dateOfBirth <= today;
}

export function dateOfBirthSchemaAsOf(today: IsoDate) {
  return dateOfBirthSchema.refine((dateOfBirth) => dateOfBirth <= today, {
    error: 'must not be in the future',
  });
}

/** As the DfE collections code it: F female, M male, U unknown. */
export const sexSchema = z.enum(['F', 'M', 'U'], {
  error: "must be 'F' (female), 'M' (male) or 'U' (unknown)",
});
export type Sex = z.infer<typeof sexSchema>;

/** As the school census codes it: N no special educational need, K SEN support, E education, health and care plan. */
export const senStatusSchema = z.enum(['N', 'K', 'E'], {
  error: "must be 'N' (none), 'K' (SEN support) or 'E' (EHC plan)",
});
export type SenStatus = z.infer<typeof senStatusSchema>;

/** The DfE alphabet for UPN check letters and temporary-UPN letters: A to Z without I, O and S. */
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
/** Check letter; LA (3 digits), establishment (4), year (2), serial (3, or 2 and a letter in a temporary UPN). */
const UPN_FORMAT = /^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/;

/**
 * The check letter for the twelve characters that follow it (DfE "Unique Pupil Numbers: guidance"): the
 * character in position p (2 to 13) is weighted p, a temporary UPN's final letter counts as its place in the
 * alphabet above (A = 0), and the sum modulo 23 indexes that alphabet.
 */
export function upnCheckLetter(lastTwelve: string): string {
  let sum = 0;
  for (let index = 0; index < 12; index++) {
    const character = lastTwelve.charAt(index);
    const value = character >= '0' && character <= '9' ? Number(character) : UPN_LETTERS.indexOf(character);
    sum += value * (index + 2);
  }
  return UPN_LETTERS.charAt(sum % 23);
}

export function isValidUpn(upn: string): boolean {
  return UPN_FORMAT.test(upn) && upn.charAt(0) === upnCheckLetter(upn.slice(1));
}

/** A temporary UPN ends in a letter; the school replaces it when the permanent one is found. */
export function isTemporaryUpn(upn: string): boolean {
  return isValidUpn(upn) && !/\d$/.test(upn);
}

export const upnSchema = z
  .string({ error: 'must be text' })
  .trim()
  .toUpperCase()
  .regex(UPN_FORMAT, {
    error: 'must be 13 characters: a check letter, 11 digits, then a digit (or a letter for a temporary UPN)',
    abort: true,
  })
  .refine(isValidUpn, { error: 'has the wrong check letter' });

/** UK postcodes as Royal Mail writes them, after normalising to upper case with one space before the inward code. */
const UK_POSTCODE =
  /^(GIR 0AA|[A-PR-UWYZ](\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y]) \d[ABD-HJLNP-UW-Z]{2})$/;

/** 'so147ly' and ' SO14  7LY ' become 'SO14 7LY'; anything too short to hold an inward code is only upper-cased. */
export function normalisePostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return compact.length < 5 ? compact : `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export function isUkPostcode(postcode: string): boolean {
  return UK_POSTCODE.test(normalisePostcode(postcode));
}

export const postcodeSchema = z
  .string({ error: 'must be text' })
  .overwrite(normalisePostcode)
  .refine((postcode) => UK_POSTCODE.test(postcode), { error: 'must be a UK postcode, like SO14 7LY' });

const addressPartSchema = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(100, { error: 'must be at most 100 characters' });

/** A telephone number as a parent gives it (spaces, brackets, a leading +). */
export const phoneSchema = z.string().regex(/^\+?[\d ()-]{6,20}$/, 'a phone number');

export const ukAddressSchema = z.object({
  lines: z
    .array(addressPartSchema, { error: 'must be a list of address lines' })
    .min(1, { error: 'needs at least one line' })
    .max(4, { error: 'must have at most 4 lines' }),
  town: addressPartSchema,
  postcode: postcodeSchema,
});
export type UkAddress = z.infer<typeof ukAddressSchema>;

/** The child as a referral or a deletion return gives them; what is often unknown is optional. */
export const childSchema = z.object({
  givenName: givenNameSchema,
  familyName: familyNameSchema,
  dateOfBirth: dateOfBirthSchema,
  sex: sexSchema,
  upn: upnSchema.optional(),
  /** Absent when the referrer does not know. */
  senStatus: senStatusSchema.optional(),
  /** The address the child lives at, or for a CME case the last one known. */
  address: ukAddressSchema.optional(),
  /** The DfE ethnicity code where the family has given one. */
  ethnicity: z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(10, { error: 'must be a DfE ethnicity code, at most 10 characters' })
    .optional(),
});
export type Child = z.infer<typeof childSchema>;

// Letters that carry no combining mark, so NFKD leaves them as they are
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * A name as it is compared, not as it is shown: lower case, accents dropped (NFKD, which is NFD plus
 * compatibility forms such as ligatures), apostrophes removed (O'Brien, O’Brien and OBrien agree),
 * hyphens and other punctuation read as spaces (Smith-Jones and Smith Jones agree), spaces collapsed.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter)
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The key under which two records of the same child meet: family name, given name and date of birth, each
 * name by its confusable skeleton (so 'Grаce' with a Cyrillic а meets 'Grace'). Spaces are dropped too, so
 * 'O Brien' meets 'OBrien' and 'Mary Ann' meets 'Maryann'.
 */
export function childMatchKey(givenName: string, familyName: string, dateOfBirth: IsoDate): string {
  if (!isIsoDate(dateOfBirth))
    throw new RangeError(`Not a calendar date in the form YYYY-MM-DD: "${dateOfBirth}"`);
  const compact = (name: string) => normaliseName(nameSkeleton(name)).replaceAll(' ', '');
  return `${compact(familyName)}|${compact(givenName)}|${dateOfBirth}`;
}
