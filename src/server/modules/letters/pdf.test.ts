import { describe, expect, it } from 'vitest';
import { composeDecisionLetter } from '../../../domain/letters/compose.js';
import { renderLetterPdf } from './pdf.js';
import { TINY_PNG, pdfImageCount, pdfText } from './test-support.js';

const letter = composeDecisionLetter({
  lang: 'nl',
  regime: 'awb',
  organisationName: 'Gemeente Ergens',
  reference: 'KL-2026-000123',
  letterDate: '2027-01-04',
  recipientName: 'Zoë Ëlsa Émile',
  handler: { name: 'Jan Jansen', phone: '030 123 45 67' },
  complaintDate: '2026-11-22',
  core: 'de rekening van het café in het Stadskantoor',
  items: [
    {
      title: 'de rekening',
      severity: 'light',
      findings: 'U betaalde twee keer voor één kop koffie.',
      judgement: 'upheld',
      reasons: 'de kassa boekte de betaling dubbel',
      remedies: [{ description: 'Wij betalen u het bedrag terug', amount: 12.5, dueDate: '2027-01-15' }],
    },
  ],
  lessons: ['De kassa wordt voortaan elke week gecontroleerd'],
});

describe('letter PDF (pdfmake)', () => {
  it('is a real PDF whose text pdftotext reads back with €, ë and é intact', async () => {
    const pdf = await renderLetterPdf({
      letter,
      letterhead: {
        organisationName: 'Gemeente Ergens',
        address: 'Markt 1, 1234 AB Ergens',
        phone: '14 030',
      },
      letterDate: '2027-01-04',
      reference: 'KL-2026-000123',
      recipient: { name: 'Zoë Ëlsa Émile', address: 'Dorpsstraat 1, 1234 AB Ergens' },
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Gemeente Ergens'); // letterhead
    expect(text).toContain('Markt 1');
    expect(text).toContain('Geachte Zoë Ëlsa Émile,');
    expect(text).toContain('Dorpsstraat 1'); // addressee
    expect(text).toContain('4 januari 2027'); // date
    expect(text).toContain('KL-2026-000123'); // reference
    expect(text).toContain('€ 12,50');
    expect(text).toContain('café');
    expect(text).toContain('uiterlijk op 4 januari 2028');
    expect(text).toMatch(/Pagina 1 van \d/);
  });

  it('prints the logo when one is configured, and ignores anything but a data URL', async () => {
    const base = { letter, letterDate: '2027-01-04', reference: 'KL-2026-000123', recipient: { name: 'A' } };
    const withLogo = await renderLetterPdf({
      ...base,
      letterhead: { organisationName: 'Gemeente Ergens', logo: TINY_PNG },
    });
    expect(pdfImageCount(withLogo)).toBe(1);
    const sneaky = await renderLetterPdf({
      ...base,
      letterhead: { organisationName: 'Gemeente Ergens', logo: '/etc/passwd' },
    });
    expect(pdfImageCount(sneaky)).toBe(0);
  });

  it('renders an English letter with English labels', async () => {
    const en = { ...letter, lang: 'en' as const, subject: 'Our decision' };
    const text = pdfText(
      await renderLetterPdf({
        letter: en,
        letterhead: { organisationName: 'Org' },
        letterDate: '2027-01-04',
        reference: 'R-1',
        recipient: { name: null },
      }),
    );
    expect(text).toContain('Our reference');
    expect(text).toContain('4 January 2027');
  });
});
