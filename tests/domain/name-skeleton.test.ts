import { describe, expect, it } from 'vitest';
import { nameSkeleton } from '../../src/domain/name-skeleton.js';

describe('nameSkeleton', () => {
  it.each([
    ['Grаce', 'grace', 'a Cyrillic а reads as a Latin a'],
    ['GRАCE', 'grace', 'and so does a Cyrillic capital А'],
    ['Οlivia', 'olivia', 'a Greek capital omicron reads as O'],
    ['Ρoppy', 'poppy', 'a Greek capital rho reads as P'],
    ['Ѕеrеnа', 'serena', 'several Cyrillic letters in one name'],
    ['Zoë', 'zoe', 'accents are dropped'],
    ['ＧＲＡＣＥ', 'grace', 'full-width letters are plain ones (NFKC)'],
    ['ﬁona', 'fiona', 'ligatures unfold (NFKC)'],
    ['Straße', 'strasse', 'case folding turns ß into ss'],
    ['İlker', 'ilker', 'a dotted capital I folds to i'],
  ])('%s → %s (%s)', (name, expected) => {
    expect(nameSkeleton(name)).toBe(expected);
  });

  it('gives a Cyrillic name one skeleton whatever its case', () => {
    expect(nameSkeleton('ИВАН')).toBe(nameSkeleton('Иван'));
  });

  it('keeps different names different', () => {
    expect(nameSkeleton('Grace')).not.toBe(nameSkeleton('Grack'));
  });
});
