import * as snowballModule from 'snowball-stemmers';

// A UMD module: its API is the default export under ESM and the namespace itself under CommonJS.
const snowball =
  (snowballModule as unknown as { default?: typeof snowballModule.default }).default ??
  (snowballModule as unknown as typeof snowballModule.default);

// Tokenisation and stemming for Dutch and English complaint texts. Pure: text in, stems out.
// The Dutch Snowball stemmer is the one PostgreSQL's `dutch` text-search configuration uses, so a
// stem here matches a lexeme in the case search index.

export type TextLanguage = 'nl' | 'en';

// Snowball's stop-word lists (dutch, english), lower-case, without diacritics.
const DUTCH_STOP = `de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou
of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog
zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens
hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere we wij jullie
mijn onze hun ze zo wel dan heel erg graag alstublieft geachte heer mevrouw beste groet vriendelijke`;
const ENGLISH_STOP = `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her
hers herself it its itself they them their theirs themselves what which who whom this that these those am is are was were
be been being have has had having do does did doing would should could ought a an the and but if or because as until while
of at by for with about against between into through during before after above below to from up down in out on off over
under again further then once here there when where why how all any both each few more most other some such no nor not
only own same so than too very can will just don t s also get got`;

const STOP: Record<TextLanguage, Set<string>> = {
  nl: new Set(DUTCH_STOP.split(/\s+/).filter(Boolean)),
  en: new Set(ENGLISH_STOP.split(/\s+/).filter(Boolean)),
};

const stemmers: Partial<Record<TextLanguage, { stem(w: string): string }>> = {};
function stemmer(lang: TextLanguage) {
  return (stemmers[lang] ??= snowball.newStemmer(lang === 'nl' ? 'dutch' : 'english'));
}

/** Letters (any script) and digits; apostrophes inside words are dropped ("don't" → "dont"). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
// Redacted placeholders (CFPB "XXXX", dates "XX/XX/XXXX") carry no meaning.
const MASK = /^x{2,}$/;

/** Lower-case words of a text, without stop words, numbers and masks; not stemmed. */
export function words(text: string, lang: TextLanguage): string[] {
  const stop = STOP[lang];
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0].replace(/['’]/g, '');
    if (w.length < 2 || stop.has(w) || MASK.test(w) || /^\d+$/.test(w)) continue;
    out.push(w);
  }
  return out;
}

// Stemming dominates tokenisation and words repeat: remember each word's stem (bounded).
const stemCache: Record<TextLanguage, Map<string, string>> = { nl: new Map(), en: new Map() };

/** Stems of the content words of a text, in order. */
export function stems(text: string, lang: TextLanguage): string[] {
  const cache = stemCache[lang];
  return words(text, lang).map((w) => {
    let st = cache.get(w);
    if (st === undefined) {
      st = stemmer(lang).stem(w);
      if (cache.size > 200_000) cache.clear();
      cache.set(w, st);
    }
    return st;
  });
}

/**
 * A text's language by stop-word share: Dutch unless clearly English. Complaints carry a language
 * field; this is for data without one (an imported register, an evaluation CSV).
 */
export function detectLanguage(text: string): TextLanguage {
  let nl = 0;
  let en = 0;
  for (const m of text.toLowerCase().slice(0, 2000).matchAll(WORD)) {
    if (STOP.nl.has(m[0])) nl++;
    if (STOP.en.has(m[0])) en++;
  }
  return en > nl * 1.2 ? 'en' : 'nl';
}

/** Terms for the classifier: stems and, optionally, adjacent stem pairs. */
export function terms(text: string, lang: TextLanguage, ngrams: 1 | 2): string[] {
  const st = stems(text, lang);
  if (ngrams === 1) return st;
  const out = st.slice();
  for (let i = 1; i < st.length; i++) out.push(`${st[i - 1]}_${st[i]}`);
  return out;
}
