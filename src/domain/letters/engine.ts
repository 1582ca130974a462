// The letter linter's engine: a table of declarative rules (./rules/) run over a letter (after Vale
// and ESLint, GUIDE "Rules as data"). A rule has an id (the rules.md ID its findings carry), a key
// (unique), a severity, the languages, kinds, regimes and recipients it applies to, a scope
// (inleiding, kern, slot, one sentence, the whole letter, or the case behind the letter), a check
// kind with its patterns and exceptions, and good and bad examples that rules.test.ts runs.
// Pure: no I/O.

import type { LocalDate } from '../dates.js';
import type { RegimeId } from '../deadlines.js';
import type {
  Finding,
  FindingSeverity,
  Judgement,
  Letter,
  LetterKind,
  LetterLang,
  LetterRecipient,
  Paragraph,
  Severity,
} from './model.js';
import { judgementsIn, matches, sentences, test } from './patterns.js';

export type Bi = { nl: string; en: string };
export type Scope = 'inleiding' | 'kern' | 'slot' | 'sentence' | 'letter' | 'case';

/** What the case behind a letter says (case-aware rules run only when it is given). */
export interface CaseFacts {
  /** Texts that name the subject: the core of the complaint, item titles, the category. */
  subject: string[];
  /** What the complainant asked for (ISO-01, NO-02). */
  desiredOutcome?: string | null | undefined;
  /** The complaint items; a judgement once judged. */
  items: { title: string; judgement: Judgement | null }[];
  /** Every amount the case holds (compensation, refunds). */
  amounts: number[];
  /** Every date that belongs to the case (receipt, incident, deadlines, hearings, remedies, letters). */
  dates: LocalDate[];
  /** The decision due date; a letter dated after it is late (AWB-71). */
  decisionDue?: LocalDate | null | undefined;
}

export interface LintOptions {
  /** Language of the messages and suggestions (default: the letter's language). */
  messageLang?: LetterLang | undefined;
  /** Per-organisation overrides of the configurable ([C]) rules: by rule ID or by rule key. */
  severity?: Partial<Record<string, FindingSeverity | 'off'>> | undefined;
  /** LET-08: B1 targets. */
  maxAverageSentenceWords?: number | undefined;
  maxSentenceWords?: number | undefined;
  /** The case behind the letter: turns on the case-aware rules. */
  facts?: CaseFacts | undefined;
  /** Run only these rule keys (the rule tester). */
  only?: readonly string[] | undefined;
}

export interface Numbered extends Paragraph {
  number: number;
}

export interface Item {
  paragraphs: Numbered[];
  judgement: Judgement | undefined;
  /** All judgements the item's text states (more than one: ambiguous). */
  stated: Set<Judgement>;
  severity: Severity | undefined;
}

/** The letter as the rules see it. */
export interface RuleContext {
  letter: Letter;
  lang: LetterLang;
  recipient: LetterRecipient;
  awb: boolean;
  all: Numbered[];
  body: Numbered[];
  inleiding: Numbered | undefined;
  kern: Numbered[];
  slot: Numbered[];
  textOf: (p: Numbered) => string;
  /** The body text (inleiding, kern, slot) joined. */
  bodyText: string;
  /** Everything, header and sign-off included. */
  fullText: string;
  firstOf: (ps: Numbered[]) => number | null;
  lastBody: number | null;
  items: () => Item[];
  facts: CaseFacts | undefined;
  opts: LintOptions;
}

export interface Hit {
  paragraph: number | null;
  /** Fills {match} in the message. */
  match?: string | undefined;
  /** Replaces the rule's message (a rule with several ways to fail). */
  message?: Bi | undefined;
  suggestion?: Bi | undefined;
}

export interface Example {
  text: string;
  /** Where the tester puts the text; default from the rule's scope ('letter': a whole plain-text letter). */
  at?: 'inleiding' | 'kern' | 'slot' | 'letter' | undefined;
  kind?: LetterKind | undefined;
  regime?: RegimeId | undefined;
  lang?: LetterLang | undefined;
  recipient?: LetterRecipient | undefined;
  letterDate?: LocalDate | undefined;
  facts?: CaseFacts | undefined;
}

interface RuleBase {
  /** The rules.md ID the finding carries (several rules may share one). */
  id: string;
  /** Unique within the table, e.g. "LET-05/blame". */
  key: string;
  severity: FindingSeverity;
  /** [C] rules: an organisation may change the severity or switch the rule off. */
  configurable?: boolean | undefined;
  langs?: readonly LetterLang[] | undefined;
  kinds?: readonly LetterKind[] | undefined;
  regimes?: readonly RegimeId[] | undefined;
  recipients?: readonly LetterRecipient[] | undefined;
  scope: Scope;
  message: Bi;
  suggestion: Bi;
  examples: { good: Example[]; bad: Example[] };
}

/** Forbidden wording: every sentence (of the scope's paragraphs) that matches, unless an exception matches too. */
export interface ForbidRule extends RuleBase {
  check: 'forbid';
  patterns: readonly RegExp[];
  /** The sentence is fine when one of these matches it. */
  exceptions?: readonly RegExp[] | undefined;
  /** The sentence must also match this (e.g. the organisation speaking in the first person). */
  when?: RegExp | undefined;
  /** One finding per paragraph (default) or per letter. */
  once?: 'paragraph' | 'letter' | undefined;
}

/** Required content: one of the patterns must appear in the scope. */
export interface RequireRule extends RuleBase {
  check: 'require';
  patterns: readonly RegExp[];
  /** Only when the letter meets this condition (e.g. an item is upheld). */
  applies?: ((ctx: RuleContext) => boolean) | undefined;
  /** The paragraph the finding points to (default: the first of the scope, else the last body paragraph). */
  at?: ((ctx: RuleContext) => number | null) | undefined;
}

/** Anything structural (order of items, a date matching the case): a function. */
export interface CustomRule extends RuleBase {
  check: 'custom';
  run(ctx: RuleContext): Hit[];
}

export type Rule = ForbidRule | RequireRule | CustomRule;

// ---- The engine ------------------------------------------------------------------------------

function scopeParagraphs(ctx: RuleContext, scope: Scope): Numbered[] {
  switch (scope) {
    case 'inleiding':
      return ctx.inleiding ? [ctx.inleiding] : [];
    case 'kern':
      return ctx.kern;
    case 'slot':
      return ctx.slot;
    default:
      return ctx.body;
  }
}

function applies(rule: Rule, ctx: RuleContext): boolean {
  if (rule.langs && !rule.langs.includes(ctx.letter.lang)) return false;
  if (rule.kinds && !rule.kinds.includes(ctx.letter.kind)) return false;
  if (rule.regimes && !rule.regimes.includes(ctx.letter.regime)) return false;
  if (rule.recipients && !rule.recipients.includes(ctx.recipient)) return false;
  if (rule.scope === 'case' && !ctx.facts) return false;
  if (ctx.opts.only && !ctx.opts.only.includes(rule.key)) return false;
  return true;
}

function runRule(rule: Rule, ctx: RuleContext): Hit[] {
  switch (rule.check) {
    case 'forbid': {
      const hits: Hit[] = [];
      for (const p of scopeParagraphs(ctx, rule.scope)) {
        for (const s of sentences(ctx.textOf(p))) {
          if (rule.when && !test(rule.when, s)) continue;
          const hit = rule.patterns.map((re) => matches(re, s)[0]).find((m) => m !== undefined);
          if (hit === undefined) continue;
          if (rule.exceptions?.some((re) => test(re, s))) continue;
          hits.push({ paragraph: p.number, match: hit.trim() });
          if (rule.once !== 'letter') break;
        }
        if (hits.length && rule.once === 'letter') break;
      }
      return rule.once === 'letter' ? hits.slice(0, 1) : hits;
    }
    case 'require': {
      if (rule.applies && !rule.applies(ctx)) return [];
      const ps = scopeParagraphs(ctx, rule.scope === 'case' ? 'letter' : rule.scope);
      const text = ps.map(ctx.textOf).join('\n\n');
      if (rule.patterns.some((re) => test(re, text))) return [];
      const at = rule.at ? rule.at(ctx) : (ctx.firstOf(ps) ?? ctx.lastBody);
      return [{ paragraph: at }];
    }
    case 'custom':
      return rule.run(ctx);
  }
}

export function buildContext(letter: Letter, opts: LintOptions): RuleContext {
  const all: Numbered[] = letter.paragraphs.map((p, i) => ({
    ...p,
    number: (p as { number?: number }).number ?? i + 1,
  }));
  const body = all.filter((p) => p.role === 'inleiding' || p.role === 'kern' || p.role === 'slot');
  const kern = all.filter((p) => p.role === 'kern');
  const textOf = (p: Numbered) => (p.heading ? `${p.heading}\n${p.text}` : p.text);
  let items: Item[] | undefined;
  return {
    letter,
    lang: letter.lang,
    recipient: letter.recipient ?? (letter.kind === 'decision-notice' ? 'respondent' : 'complainant'),
    awb: letter.regime === 'awb' || letter.regime === 'awb-advisory',
    all,
    body,
    inleiding: all.find((p) => p.role === 'inleiding'),
    kern,
    slot: all.filter((p) => p.role === 'slot'),
    textOf,
    bodyText: body.map(textOf).join('\n\n'),
    fullText: all.map(textOf).join('\n\n'),
    firstOf: (ps) => ps[0]?.number ?? null,
    lastBody: body.at(-1)?.number ?? null,
    items: () => (items ??= segmentItems(kern)),
    facts: opts.facts,
    opts,
  };
}

const fill = (text: string, match: string | undefined) => text.replaceAll('{match}', match ?? '');

/** Runs the rules that apply to this letter; findings sorted by paragraph. */
export function runRules(rules: readonly Rule[], letter: Letter, opts: LintOptions = {}): Finding[] {
  const ctx = buildContext(letter, opts);
  const lang = opts.messageLang ?? letter.lang;
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!applies(rule, ctx)) continue;
    const configured = rule.configurable
      ? (opts.severity?.[rule.key] ?? opts.severity?.[rule.id])
      : undefined;
    if (configured === 'off') continue;
    for (const hit of runRule(rule, ctx)) {
      findings.push({
        rule: rule.id,
        severity: configured ?? rule.severity,
        message: fill((hit.message ?? rule.message)[lang], hit.match),
        paragraph: hit.paragraph,
        suggestion: fill((hit.suggestion ?? rule.suggestion)[lang], hit.match),
      });
    }
  }
  // Stable: the table's order within a paragraph.
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.paragraph ?? 1e9) - (b.f.paragraph ?? 1e9) || a.i - b.i)
    .map((x) => x.f);
}

/**
 * The complaint items of the kern: from the composer's item marks, else from headings, else each
 * paragraph stating a verdict starts a new item (paragraphs before the first join the first item).
 */
export function segmentItems(kern: Numbered[]): Item[] {
  const items: Item[] = [];
  const make = (): Item => ({ paragraphs: [], judgement: undefined, stated: new Set(), severity: undefined });
  if (kern.some((p) => p.item)) {
    const byIndex = new Map<number, Item>();
    for (const p of kern) {
      if (!p.item) continue;
      let item = byIndex.get(p.item.index);
      if (!item) {
        item = { ...make(), judgement: p.item.judgement, severity: p.item.severity };
        byIndex.set(p.item.index, item);
        items.push(item);
      }
      item.paragraphs.push(p);
    }
  } else if (kern.some((p) => p.heading)) {
    let current: Item | undefined;
    for (const p of kern) {
      if (p.heading || !current) {
        current = make();
        items.push(current);
      }
      current.paragraphs.push(p);
    }
  } else {
    let current: Item | undefined;
    let pending: Numbered[] = [];
    for (const p of kern) {
      const verdict = judgementsIn(p.text).size > 0;
      if (verdict && (!current || current.paragraphs.some((q) => judgementsIn(q.text).size > 0))) {
        current = make();
        current.paragraphs.push(...pending, p);
        pending = [];
        items.push(current);
      } else if (current) {
        current.paragraphs.push(p);
      } else {
        pending.push(p);
      }
    }
    if (pending.length) {
      const rest = make();
      rest.paragraphs.push(...pending);
      items.push(rest);
    }
  }
  for (const item of items) {
    for (const p of item.paragraphs)
      for (const j of judgementsIn(p.heading ? `${p.heading}\n${p.text}` : p.text)) item.stated.add(j);
  }
  return items;
}

/** The judgement an item carries: the composer's mark, else the one verdict its text states. */
export function judgedAs(item: Item): Judgement | undefined {
  return item.judgement ?? (item.stated.size === 1 ? [...item.stated][0] : undefined);
}
