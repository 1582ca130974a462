// The rule tester (after ESLint's RuleTester): every rule in the table proves itself with its own
// examples. A bad example must produce a finding of that rule, a good one none; a rule without both
// cannot exist.

import { describe, expect, it } from 'vitest';
import { type Example, type Rule, runRules } from './engine.js';
import type { Letter, Paragraph } from './model.js';
import { parseLetter } from './parse.js';
import { LETTER_RULES } from './rules/index.js';

const NEUTRAL = {
  nl: {
    inleiding: 'Dank u wel voor uw klacht van 3 maart 2027 over de wachttijd aan de balie.',
    kern: 'Wij hebben de wachtrijgegevens van die ochtend bekeken.',
    slot: 'Heeft u vragen? Bel dan Jan Jansen op 030 123 45 67.',
  },
  en: {
    inleiding: 'Thank you for your complaint of 3 March 2027 about the waiting time at the desk.',
    kern: 'We looked at the queue records of that morning.',
    slot: 'If you have any questions, please call Jan Jansen on 030 123 45 67.',
  },
};

function exampleLetter(rule: Rule, ex: Example): Letter {
  const kind = ex.kind ?? rule.kinds?.[0] ?? 'decision';
  const regime = ex.regime ?? rule.regimes?.[0] ?? 'awb';
  const lang = ex.lang ?? rule.langs?.[0] ?? 'nl';
  const at = ex.at ?? (rule.scope === 'inleiding' ? 'inleiding' : rule.scope === 'slot' ? 'slot' : 'kern');
  const base = { kind, regime, lang, recipient: ex.recipient, letterDate: ex.letterDate };
  if (at === 'letter') return { ...parseLetter(ex.text, { kind, regime, lang }), ...base };
  const n = NEUTRAL[lang];
  const paragraphs: Paragraph[] = [
    { role: 'salutation', text: lang === 'nl' ? 'Geachte mevrouw De Vries,' : 'Dear Ms De Vries,' },
    { role: 'inleiding', text: at === 'inleiding' ? ex.text : n.inleiding },
    { role: 'kern', text: at === 'kern' ? ex.text : n.kern },
    { role: 'slot', text: at === 'slot' ? ex.text : n.slot },
  ];
  return { ...base, paragraphs };
}

describe.each(LETTER_RULES.map((r) => [r.key, r] as const))('rule %s', (_key, rule) => {
  it('has at least one bad and one good example', () => {
    expect(rule.examples.bad.length).toBeGreaterThan(0);
    expect(rule.examples.good.length).toBeGreaterThan(0);
  });
  it.each(rule.examples.bad.map((e) => [e.text.slice(0, 70), e] as const))('catches: %s', (_t, ex) => {
    const findings = runRules([rule], exampleLetter(rule, ex), { facts: ex.facts });
    expect(findings.map((f) => f.rule)).toContain(rule.id);
    for (const f of findings) expect(f.message).not.toContain('{match}');
  });
  it.each(rule.examples.good.map((e) => [e.text.slice(0, 70), e] as const))('passes: %s', (_t, ex) => {
    expect(runRules([rule], exampleLetter(rule, ex), { facts: ex.facts })).toEqual([]);
  });
});

it('rule keys are unique', () => {
  const keys = LETTER_RULES.map((r) => r.key);
  expect(new Set(keys).size).toBe(keys.length);
});
