import { describe, expect, it } from 'vitest';
import { scrub } from './scrub.js';

describe('PII scrubber', () => {
  it('removes e-mail, phone numbers, postcodes, IBANs and BSN-like numbers', () => {
    const text =
      'Mail naar a.devries@example.nl of bel 06-12345678 / +31 20 123 4567 / 010-1234567. ' +
      'Woont op 1234 AB Ergens, rekening NL91 ABNA 0417 1643 00, BSN 123456782 en 123.456.782.';
    const out = scrub(text);
    for (const leak of [
      'devries@',
      '12345678',
      '123 4567',
      '1234567',
      '1234 AB',
      'NL91',
      '0417',
      '123456782',
      '123.456.782',
    ])
      expect(out).not.toContain(leak);
    expect(out).toContain('[e-mail]');
    expect(out).toContain('[telefoon]');
    expect(out).toContain('[postcode]');
    expect(out).toContain('[IBAN]');
    expect(out).toContain('[nummer]');
  });

  it("removes the names of the case's people, also in part, and their address", () => {
    const out = scrub(
      'Mevrouw De Vries sprak met Jan Jansen; Anna kreeg een brief op Dorpsstraat 1. Jansen excuseerde zich.',
      {
        names: ['Anna de Vries', 'Jan Jansen'],
        addresses: ['Dorpsstraat 1, 1234 AB Ergens'],
      },
    );
    expect(out).not.toMatch(/Vries|Jansen|Anna|Jan\b|Dorpsstraat|Ergens/);
    expect(out).toContain('[naam]');
    expect(out).toContain('[adres]');
  });

  it('keeps ordinary text, years and amounts', () => {
    const text = 'In 2026 passen we de werkinstructie aan; de vergoeding was 150 euro en de termijn 6 weken.';
    expect(scrub(text, { names: ['Piet de Boer'] })).toBe(text);
  });
});
