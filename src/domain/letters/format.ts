// Amounts as letters print them. Pure.

import type { LetterLang } from './model.js';

export function euro(amount: number, lang: LetterLang): string {
  // A plain space after €: the same text in the PDF, the e-mail and a search.
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' })
    .format(amount)
    .replace(/\u00a0/g, ' ');
}
