import { describe, expect, it } from 'vitest';
import { detectLanguage, stems, terms, words } from './text.js';
import { cosine, Vectorizer } from './vectorizer.js';
import { mostSimilar } from './similarity.js';

describe('Dutch and English text', () => {
  it('stems Dutch as PostgreSQL dutch does and drops stop words, numbers and masks', () => {
    expect(stems('De klachten over de gemeentelijke parkeervergunningen', 'nl')).toEqual([
      'klacht',
      'gemeent',
      'parkeervergunn',
    ]);
    expect(words('Ik heb op 12 maart XXXX gebeld', 'nl')).toEqual(['maart', 'gebeld']);
  });

  it('stems English and keeps contractions as one word', () => {
    expect(stems("The collectors don't stop calling", 'en')).toEqual(['collector', 'dont', 'stop', 'call']);
  });

  it('tells Dutch from English by stop words', () => {
    expect(
      detectLanguage('Ik ben het niet eens met de manier waarop de medewerker mij heeft behandeld.'),
    ).toBe('nl');
    expect(detectLanguage('I am writing because the company has not responded to my dispute.')).toBe('en');
  });

  it('adds adjacent pairs for bigrams', () => {
    expect(terms('afval container', 'nl', 2)).toEqual(['afval', 'container', 'afval_container']);
  });
});

describe('similarity', () => {
  const docs = [
    'Het afval is niet opgehaald in onze straat',
    'De vuilnisbak is weer niet geleegd, het afval blijft staan',
    'Lange wachttijd aan de telefoon bij het klantcontactcentrum',
  ];
  const v = Vectorizer.fit(
    docs.map((d) => terms(d, 'nl', 1)),
    { ngrams: 1, minDf: 1, maxFeatures: 1000 },
  );
  const vecs = docs.map((d) => v.transform(d, 'nl'));

  it('gives unit vectors: a text is fully like itself and unlike an unrelated text', () => {
    expect(cosine(vecs[0]!, vecs[0]!)).toBeCloseTo(1, 6);
    expect(cosine(vecs[0]!, vecs[2]!)).toBe(0);
  });

  it('ranks the complaint about the same subject first', () => {
    const q = v.transform('Mijn afval is al twee weken niet opgehaald', 'nl');
    const found = mostSimilar(
      q,
      vecs.map((vector, i) => ({ item: i, vector })),
      { minSimilarity: 0.05 },
    );
    expect(found[0]?.item).toBe(0);
    expect(found.map((f) => f.item)).not.toContain(2);
  });
});
