import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RegimeId } from '../deadlines.js';
import { lintLetter } from './lint.js';
import type { Letter, LetterKind } from './model.js';
import { parseLetter } from './parse.js';
import { hasDate, hasPhoneNumber, judgementsIn } from './patterns.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const lintText = (text: string, kind: LetterKind, regime: RegimeId) =>
  lintLetter(parseLetter(text, { kind, regime }));
const brief = (fs: { rule: string; severity: string; paragraph: number | null }[]) =>
  fs.map((f) => [f.rule, f.severity, f.paragraph]);

describe('fixture letters are linted exactly as expected', () => {
  const good: [string, LetterKind, RegimeId][] = [
    ['decision-awb-nl.good.txt', 'decision', 'awb'],
    ['decision-awb-en.good.txt', 'decision', 'awb'],
    ['decision-wkkgz-nl.good.txt', 'decision', 'wkkgz'],
    ['acknowledgement-awb-nl.good.txt', 'acknowledgement', 'awb'],
    ['acknowledgement-awb-advisory-en.good.txt', 'acknowledgement', 'awb-advisory'],
    ['extension-awb-nl.good.txt', 'extension', 'awb'],
    ['decline-awb-nl.good.txt', 'decline', 'awb'],
    ['informal-resolution-awb-nl.good.txt', 'informal-resolution', 'awb'],
    ['forwarding-awb-nl.good.txt', 'forwarding', 'awb'],
    ['hearing-invitation-awb-nl.good.txt', 'hearing-invitation', 'awb'],
    ['follow-up-awb-nl.good.txt', 'follow-up', 'awb'],
  ];
  it.each(good)('%s has no findings', (file, kind, regime) => {
    expect(lintText(read(file), kind, regime)).toEqual([]);
  });

  // One fixture per rule broken: [file, kind, regime, expected [rule, severity, paragraph]].
  const bad: [string, LetterKind, RegimeId, [string, string, number | null][]][] = [
    ['bad-LET-01.decision-awb.txt', 'decision', 'awb', [['LET-01', 'error', 4]]],
    ['bad-LET-02.decision-awb.txt', 'decision', 'awb', [['LET-02', 'error', 5]]],
    ['bad-LET-03.decision-awb.txt', 'decision', 'awb', [['LET-03', 'error', 6]]],
    [
      'bad-LET-04.decision-awb.txt',
      'decision',
      'awb',
      [
        ['LET-04', 'error', 6],
        ['NO-02', 'warning', 7],
      ],
    ],
    ['bad-LET-05.decision-awb.txt', 'decision', 'awb', [['LET-05', 'error', 5]]],
    [
      'bad-LET-06.decision-awb.txt',
      'decision',
      'awb',
      [
        ['LET-06', 'error', 8],
        ['LET-06', 'error', 8],
      ],
    ],
    ['bad-LET-07.decision-awb.txt', 'decision', 'awb', [['LET-07', 'error', 7]]],
    [
      'bad-LET-08.decision-awb.txt',
      'decision',
      'awb',
      [
        ['LET-08', 'warning', 7],
        ['LET-08', 'warning', 7],
      ],
    ],
    ['bad-LET-09.decline-awb.txt', 'decline', 'awb', [['LET-09', 'error', 3]]],
    [
      'bad-LET-10.extension-awb.txt',
      'extension',
      'awb',
      [
        ['LET-10', 'error', 3],
        ['LET-10', 'error', 3],
      ],
    ],
    ['bad-AWB-07.forwarding-awb.txt', 'forwarding', 'awb', [['AWB-07', 'error', 2]]],
    ['bad-AWB-08.decision-awb.txt', 'decision', 'awb', [['AWB-08', 'error', 9]]],
    ['bad-AWB-11.informal-resolution-awb.txt', 'informal-resolution', 'awb', [['AWB-11', 'error', 4]]],
    [
      'bad-AWB-13.acknowledgement-awb.txt',
      'acknowledgement',
      'awb',
      [
        ['AWB-13', 'error', 2],
        ['AWB-13', 'error', 3],
      ],
    ],
    [
      'bad-AWB-14.acknowledgement-awb-advisory.txt',
      'acknowledgement',
      'awb-advisory',
      [['AWB-14', 'error', 3]],
    ],
    ['bad-AWB-23.decline-awb.txt', 'decline', 'awb', [['AWB-23', 'error', 5]]],
    [
      'bad-AWB-30.hearing-invitation-awb.txt',
      'hearing-invitation',
      'awb',
      [
        ['LET-06', 'error', 3],
        ['AWB-30', 'error', 3],
      ],
    ],
    ['bad-AWB-50.decision-awb.txt', 'decision', 'awb', [['AWB-50', 'error', 5]]],
    ['bad-AWB-51.decision-awb.txt', 'decision', 'awb', [['AWB-51', 'error', 9]]],
    ['bad-NO-05.decision-awb.txt', 'decision', 'awb', [['NO-05', 'error', 7]]],
    ['bad-WKKGZ-08.decision-wkkgz.txt', 'decision', 'wkkgz', [['WKKGZ-08', 'error', 4]]],
    ['bad-WKKGZ-11.decision-wkkgz.txt', 'decision', 'wkkgz', [['WKKGZ-11', 'error', 6]]],
  ];
  it.each(bad)('%s', (file, kind, regime, expected) => {
    const findings = lintText(read(file), kind, regime);
    expect(brief(findings)).toEqual(expected);
    for (const f of findings) {
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.suggestion.length).toBeGreaterThan(3);
    }
  });

  it('every fixture file is in one of the tables', () => {
    const listed = new Set([...good.map((g) => g[0]), ...bad.map((b) => b[0])]);
    expect(fs.readdirSync(dir).filter((f) => !listed.has(f))).toEqual([]);
  });
});

describe('rules in detail', () => {
  const decision = read('decision-awb-nl.good.txt');

  it('AWB-08 only applies to Awb letters; a company letter may mention objection', () => {
    const text = read('bad-AWB-08.decision-awb.txt');
    expect(brief(lintText(text, 'decision', 'awb'))).toContainEqual(['AWB-08', 'error', 9]);
    expect(lintText(text, 'decision', 'company').map((f) => f.rule)).not.toContain('AWB-08');
  });

  it('AWB-08: saying there is no objection is fine; 9:8(c) "kon u bezwaar maken" is not an offer', () => {
    const denial = decision.replace(
      'Kijk op www.nationaleombudsman.nl.',
      'Tegen deze brief kunt u geen bezwaar maken.',
    );
    expect(lintText(denial, 'decision', 'awb')).toEqual([]);
    const ground = read('decline-awb-nl.good.txt').replace(
      "Na zo'n lange tijd",
      "Tegen dat besluit kon u bezwaar maken. Na zo'n lange tijd",
    );
    expect(lintText(ground, 'decline', 'awb')).toEqual([]);
    const english = read('decision-awb-en.good.txt').replace(
      'Kind regards',
      'You may lodge an objection to this decision within six weeks.\n\nKind regards',
    );
    expect(lintText(english, 'decision', 'awb').map((f) => f.rule)).toContain('AWB-08');
  });

  it('LET-01: a positive verdict in the inleiding is a warning, a negative one an error', () => {
    const pos = decision.replace(
      'Dank u wel voor uw klacht van 22 november 2026.',
      'Dank u wel voor uw klacht van 22 november 2026, die wij deels gegrond vinden.',
    );
    expect(brief(lintText(pos, 'decision', 'awb'))).toEqual([['LET-01', 'warning', 4]]);
    const neg = decision.replace(
      'Dank u wel voor uw klacht van 22 november 2026.',
      'Dank u wel voor uw klacht van 22 november 2026. Wij wijzen uw klacht af.',
    );
    expect(brief(lintText(neg, 'decision', 'awb'))).toEqual([['LET-01', 'error', 4]]);
  });

  it('LET-01: the inleiding thanks and gives the date of the complaint (warnings)', () => {
    const bare = decision.replace(
      'Dank u wel voor uw klacht van 22 november 2026.',
      'U diende een klacht in.',
    );
    expect(brief(lintText(bare, 'decision', 'awb'))).toEqual([
      ['LET-01', 'warning', 4],
      ['LET-01', 'warning', 4],
    ]);
  });

  it('LET-03: within a group light to heavy, using the composer’s severity marks', () => {
    const base = { kind: 'decision' as const, lang: 'nl' as const, regime: 'company' as const };
    const item = (index: number, severity: 'light' | 'heavy') => ({
      role: 'kern' as const,
      text: 'Dit onderdeel is ongegrond, omdat de regels zijn gevolgd.',
      item: { index, judgement: 'not_upheld' as const, severity },
    });
    const letter: Letter = {
      ...base,
      paragraphs: [
        { role: 'inleiding', text: 'Dank u wel voor uw klacht van 1 maart 2027 over de afvalinzameling.' },
        item(1, 'heavy'),
        item(2, 'light'),
        {
          role: 'slot',
          text: 'U vroeg om een nieuwe container. Bent u tevreden? Bel 030 123 45 67. U kunt ook naar de Geschillencommissie.',
        },
      ],
    };
    expect(brief(lintLetter(letter))).toEqual([['LET-03', 'error', 3]]);
    letter.paragraphs.splice(1, 2, item(1, 'light'), item(2, 'heavy'));
    expect(lintLetter(letter)).toEqual([]);
  });

  it('LET-04: an upheld item needs a remedy with a date; a qualified apology is a warning', () => {
    const noDate = decision.replace(' Dat gesprek vindt uiterlijk 1 februari 2027 plaats.', '');
    expect(brief(lintText(noDate, 'decision', 'awb'))).toEqual([['LET-04', 'error', 6]]);
    const iffy = decision.replace(
      'Daarvoor bieden wij u onze excuses aan.',
      'Wij bieden u excuses aan als u zich niet goed behandeld voelde.',
    );
    expect(brief(lintText(iffy, 'decision', 'awb'))).toEqual([['LET-04', 'warning', 6]]);
  });

  it('LET-05 catches English blame, but "you should have heard from us" is our fault', () => {
    const en = read('decision-awb-en.good.txt');
    expect(lintText(en, 'decision', 'awb')).toEqual([]);
    const blame = en.replace('We understand that a fine is unwelcome.', 'You failed to read the signs.');
    expect(brief(lintText(blame, 'decision', 'awb'))).toEqual([['LET-05', 'error', 3]]);
  });

  it('LET-06: "zo spoedig mogelijk" with a date is a commitment', () => {
    const ok = decision.replace(
      'Dat gesprek vindt uiterlijk 1 februari 2027 plaats.',
      'Dat gesprek vindt zo spoedig mogelijk plaats, uiterlijk 1 februari 2027.',
    );
    expect(lintText(ok, 'decision', 'awb')).toEqual([]);
  });

  it('LET-06 and LET-08 are configurable defaults ([C]): a severity can change or be switched off', () => {
    const text = read('bad-LET-06.decision-awb.txt');
    expect(
      lintLetter(parseLetter(text, { kind: 'decision', regime: 'awb' }), {
        severity: { 'LET-06': 'warning' },
      }).map((f) => f.severity),
    ).toEqual(['warning', 'warning']);
    expect(
      lintLetter(parseLetter(text, { kind: 'decision', regime: 'awb' }), { severity: { 'LET-06': 'off' } }),
    ).toEqual([]);
  });

  it('LET-08: the average sentence length is a letter-wide warning', () => {
    const long = decision.replace(/\. /g, ', en ').replace(/\.\n/g, ', en ook.\n');
    const findings = lintText(long, 'decision', 'awb').filter((f) => f.rule === 'LET-08');
    expect(findings.some((f) => f.paragraph === null && f.severity === 'warning')).toBe(true);
  });

  it('findings can be worded in English for a Dutch letter', () => {
    const [f] = lintLetter(
      parseLetter(read('bad-LET-07.decision-awb.txt'), { kind: 'decision', regime: 'awb' }),
      { messageLang: 'en' },
    );
    expect(f!.message).toMatch(/phone number/);
  });

  it('the company regime wants an external route only as a warning', () => {
    const text = decision.replace(
      /Bent u het niet eens[^\n]*/,
      'Bent u het niet eens met ons antwoord? Laat het ons weten.',
    );
    expect(brief(lintText(text, 'decision', 'company'))).toEqual([['LET-07', 'warning', 7]]);
    expect(brief(lintText(text, 'decision', 'awb'))).toEqual([['AWB-51', 'error', 7]]);
  });

  it('ISO-07: a decision notice to a respondent states the judgement', () => {
    const ok =
      'Geachte heer Peters,\n\nOp 22 november 2026 ontvingen wij een klacht waarbij u betrokken bent.\n\nOns oordeel: de klacht is deels gegrond.\n\nMet vriendelijke groet,\nJan';
    expect(lintText(ok, 'decision-notice', 'awb')).toEqual([]);
    expect(
      brief(
        lintText(
          ok.replace('Ons oordeel: de klacht is deels gegrond.', 'Wij hebben de klacht afgehandeld.'),
          'decision-notice',
          'awb',
        ),
      ),
    ).toEqual([['ISO-07', 'error', 3]]);
  });

  it('an acknowledgement under the Wkkgz or company regime is not held to AWB-13; Wkkgz wants the regulation and the klachtenfunctionaris', () => {
    const text = read('bad-AWB-13.acknowledgement-awb.txt');
    expect(lintText(text, 'acknowledgement', 'company')).toEqual([]);
    expect(brief(lintText(text, 'acknowledgement', 'wkkgz'))).toEqual([
      ['WKKGZ-01', 'error', 3],
      ['WKKGZ-03', 'error', 3],
    ]);
  });
});

describe('patterns', () => {
  it.each([
    ['030 123 45 67', true],
    ['06-12345678', true],
    ['+31 30 123 4567', true],
    ['14 030', true],
    ['0800-1234', true],
    ['2027-01-04', false],
    ['04-01-2027', false],
    ['kenmerk KL-2026-000123', false],
    ['1234 AB Ergens', false],
  ])('phone number in %s: %s', (text, expected) => {
    expect(hasPhoneNumber(text)).toBe(expected);
  });

  it.each([
    ['uiterlijk 4 januari 2027', true],
    ['before 4 January 2028', true],
    ['on January 4, 2028', true],
    ['op 2027-01-04', true],
    ['op 04-01-2027', true],
    ['in januari', false],
    ['KL-2026-000123', false],
  ])('date in %s: %s', (text, expected) => {
    expect(hasDate(text)).toBe(expected);
  });

  it.each([
    ['Dit onderdeel is gegrond.', ['upheld']],
    ['Dit onderdeel is deels gegrond.', ['partly_upheld']],
    ['Dit onderdeel is ongegrond.', ['not_upheld']],
    ['Wij vinden dit niet gegrond.', ['not_upheld']],
    ['We find this part partly upheld.', ['partly_upheld']],
    ['U kunt terecht bij de ombudsman.', []],
    ['Onderdeel 1 is ongegrond en onderdeel 2 gegrond.', ['not_upheld', 'upheld']],
  ])('judgements in %s', (text, expected) => {
    expect([...judgementsIn(text)].sort()).toEqual([...expected].sort());
  });
});

describe('parser (api.md letters lint contract)', () => {
  it('recognises header, salutation, inleiding, kern, slot and sign-off', () => {
    const l = parseLetter(read('decision-awb-nl.good.txt'), { kind: 'decision', regime: 'awb' });
    expect(l.paragraphs.map((p) => p.role)).toEqual([
      'header',
      'header',
      'salutation',
      'inleiding',
      'kern',
      'kern',
      'slot',
      'slot',
      'slot',
      'signoff',
      'signoff',
    ]);
    expect(l.paragraphs[4]!.heading).toBe('Onderdeel 1: de wachttijd aan de balie');
    expect(l.lang).toBe('nl');
    expect(parseLetter(read('decision-awb-en.good.txt'), { kind: 'decision', regime: 'awb' }).lang).toBe(
      'en',
    );
  });

  it('a salutation on the first line of a block still makes the rest the inleiding', () => {
    const l = parseLetter(
      'Beste Anna,\nDank je wel voor je klacht.\n\nTweede alinea.\n\nMet vriendelijke groet,\nJan',
      { kind: 'extension', regime: 'awb' },
    );
    expect(l.paragraphs.map((p) => [p.role, p.number])).toEqual([
      ['salutation', 1],
      ['inleiding', 1],
      ['kern', 2],
      ['signoff', 3],
    ]);
  });

  it('without a salutation the first paragraph is the inleiding; CRLF line ends work', () => {
    const l = parseLetter('Wij wijzen uw klacht af.\r\n\r\nOnderdeel 1 is ongegrond omdat het zo is.', {
      kind: 'decision',
      regime: 'company',
    });
    expect(l.paragraphs.map((p) => p.role)).toEqual(['inleiding', 'kern']);
    expect(lintLetter(l).find((f) => f.rule === 'LET-01')).toMatchObject({ severity: 'error', paragraph: 1 });
  });
});
