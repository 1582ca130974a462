// A PII scrubber for free text that leaves the organisation (the annual report, AWB-61, PRIV-08):
// e-mail addresses, phone numbers, postcodes, IBANs, BSN-like numbers, street addresses and the
// names of the people in the case. Heuristic by nature: it errs on the side of removing.

export interface ScrubContext {
  /** Names of the complainant, representatives and respondents of the case the text belongs to. */
  names?: readonly (string | null | undefined)[];
  /** Addresses known for the case. */
  addresses?: readonly (string | null | undefined)[];
}

// Dutch name particles (tussenvoegsels) and titles: not identifying on their own.
const PARTICLES = new Set([
  'de',
  'den',
  'der',
  'van',
  'von',
  'het',
  'ten',
  'ter',
  'te',
  'la',
  'le',
  'du',
  'da',
  'di',
  'in',
  "'t",
  'op',
  'mevrouw',
  'meneer',
  'heer',
  'dhr',
  'mw',
  'mr',
  'mrs',
  'ms',
  'dr',
  'ir',
  'drs',
]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PATTERNS: [RegExp, string][] = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, '[e-mail]'],
  // IBAN: country, check digits, 11–30 alphanumerics, possibly in groups of four.
  [/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/gi, '[IBAN]'],
  // Phone numbers: Dutch (06…, 010-…, +31 …) and other international forms.
  [/(?:\+|00)\d{2}[\s.-]?(?:\(0\))?[\s.-]?(?:\d[\s.-]?){7,11}\d/g, '[telefoon]'],
  [/\b0\d{1,3}[\s.-]?(?:\d[\s.-]?){5,8}\d\b/g, '[telefoon]'],
  // BSN and other long numbers (8–9 digits, also written 123.456.789 or 1234 56 789).
  [/\b\d{3,4}[.\s]\d{2,3}[.\s]\d{3}\b/g, '[nummer]'],
  [/\b\d{8,9}\b/g, '[nummer]'],
  [/\b[1-9]\d{3}\s?[A-Z]{2}\b/g, '[postcode]'],
  [
    /\b[\p{Lu}][\p{Ll}]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|steeg|pad|dreef|markt|park)\s+\d+(?:\s?[a-zA-Z])?\b/gu,
    '[adres]',
  ],
];

export function scrub(text: string, ctx: ScrubContext = {}): string {
  let out = text;
  for (const address of ctx.addresses ?? []) {
    if (!address) continue;
    for (const part of address
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p.length >= 4)) {
      out = out.replace(new RegExp(escape(part), 'gi'), '[adres]');
    }
  }
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  for (const name of ctx.names ?? []) {
    if (!name?.trim()) continue;
    out = out.replace(new RegExp(`(?<![\\p{L}])${escape(name.trim())}(?![\\p{L}])`, 'giu'), '[naam]');
    for (const part of name.split(/[\s,]+/)) {
      if (part.length < 2 || PARTICLES.has(part.toLowerCase().replace(/\.$/, ''))) continue;
      out = out.replace(
        new RegExp(`(?<![\\p{L}])${escape(part.replace(/\.$/, ''))}(?![\\p{L}])`, 'giu'),
        '[naam]',
      );
    }
  }
  // "[naam] [naam]" and "van [naam]" read better as one.
  return out.replace(/\[naam\](?:\s+(?:(?:van|de|der|den|ten|ter)\s+)*\[naam\])+/g, '[naam]');
}
