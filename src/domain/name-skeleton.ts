/*
 * Letters of other scripts that look like Latin ones, by their lower-case form (a name is case folded
 * before they are looked up, so Cyrillic А and а both become a). A small table of the common homoglyphs
 * from Unicode's confusables list, not all of it: enough that a name typed with a Cyrillic or Greek letter,
 * by a keyboard layout or on purpose, meets the same name typed in Latin.
 */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  с: 'c',
  ѕ: 's',
  т: 't',
  у: 'y',
  ԝ: 'w',
  х: 'x',
  ԁ: 'd',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  // Latin letters that pass for others
  ɡ: 'g',
  ı: 'i',
  ȷ: 'j',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LATIN_LOOKALIKES).join('')}]`, 'gu');

/**
 * A name as it is compared for sameness, so that names a person reads as the same are the same: NFKC
 * (full-width letters and ligatures become plain ones), case folded (upper then lower case, which also
 * folds ß to ss), accents dropped (NFD, then every combining mark removed), and Cyrillic and Greek
 * homoglyphs read as the Latin letters they look like. "Grаce" with a Cyrillic а gives "grace".
 */
export function nameSkeleton(name: string): string {
  return name
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(LOOKALIKE, (letter) => LATIN_LOOKALIKES[letter] ?? letter);
}
