import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { amsterdamDate } from '../../../domain/dates.js';
import { notFound } from '../../errors.js';
import {
  bucket,
  detectSpikes,
  mostSimilar,
  periodStarts,
  terms,
  TextClassifier,
  train,
  Vectorizer,
  type PeriodUnit,
  type SparseVector,
  type TextLanguage,
} from '../../../insight/index.js';
import { InsightRepository } from './repository.js';

// The classifier learns from this organisation's own closed, categorised cases. With too little
// history it says so instead of guessing (no model is better than a confident-looking bad one).
export const MIN_EXAMPLES = 30;
export const MIN_PER_CATEGORY = 5;
const MAX_HISTORY = 20_000;
const SIMILARITY_POOL = 2_000;
/** Below this confidence the best category is not suggested. */
export const MIN_CONFIDENCE = 0.4;

export type ModelState =
  | {
      status: 'trained';
      id: string;
      trainedAt: string;
      examples: number;
      categories: number;
      validationMacroF1: number | null;
    }
  | {
      status: 'insufficient_history' | 'none';
      id: string | null;
      examples: number;
      message: { nl: string; en: string };
    };

export interface RetrainResult {
  status: 'trained' | 'insufficient_history';
  id: string;
  examples: number;
  categories: number;
  seconds: number;
  validation: unknown;
}

/** The nightly retraining job (pg-boss; registered in src/server/jobs/runner.ts). */
export const INSIGHT_RETRAIN = { name: 'insight-retrain', cron: '30 2 * * *', retryLimit: 2 } as const;

const lang = (l: string): TextLanguage => (l === 'en' ? 'en' : 'nl');

export class InsightService {
  private readonly repo: InsightRepository;
  private cached: { id: string; classifier: TextClassifier } | undefined;
  private vectors = new Map<string, { key: string; vector: SparseVector }>();

  constructor(db: Kysely<Database>) {
    this.repo = new InsightRepository(db);
  }

  /** Trains on the labelled history and stores the result (a pg-boss job nightly; on demand by a manager). */
  async retrain(): Promise<RetrainResult> {
    const t0 = performance.now();
    const history = await this.repo.trainingHistory(MAX_HISTORY);
    const active = new Set((await this.repo.activeCategories()).map((c) => c.id));
    const perCategory = new Map<string, number>();
    for (const h of history)
      if (active.has(h.category_id))
        perCategory.set(h.category_id, (perCategory.get(h.category_id) ?? 0) + 1);
    // Only categories that are still in use and have enough examples to learn from.
    const learnable = new Set([...perCategory].filter(([, n]) => n >= MIN_PER_CATEGORY).map(([id]) => id));
    const examples = history
      .filter((h) => learnable.has(h.category_id))
      .map((h) => ({ text: h.text, label: h.category_id, lang: lang(h.language) }));
    if (examples.length < MIN_EXAMPLES || learnable.size < 2) {
      const saved = await this.repo.saveModel({
        status: 'insufficient_history',
        model: null,
        examples: examples.length,
        classes: learnable.size,
        metrics: { history: history.length, minExamples: MIN_EXAMPLES, minPerCategory: MIN_PER_CATEGORY },
      });
      await this.repo.pruneModels(5);
      return {
        status: 'insufficient_history',
        id: saved.id,
        examples: examples.length,
        categories: learnable.size,
        seconds: (performance.now() - t0) / 1000,
        validation: null,
      };
    }
    const classifier = train(examples);
    const validation = classifier.model.validation;
    const saved = await this.repo.saveModel({
      status: 'trained',
      model: classifier.toJSON(),
      examples: examples.length,
      classes: learnable.size,
      metrics: { validation, algorithm: classifier.model.algorithm },
    });
    await this.repo.pruneModels(5);
    this.cached = { id: saved.id, classifier };
    return {
      status: 'trained',
      id: saved.id,
      examples: examples.length,
      categories: learnable.size,
      seconds: (performance.now() - t0) / 1000,
      validation,
    };
  }

  /** The newest training run; its classifier is kept in memory until a newer run appears. */
  async state(): Promise<{ state: ModelState; classifier: TextClassifier | undefined }> {
    const latest = await this.repo.latestModelId();
    if (!latest) {
      return {
        state: {
          status: 'none',
          id: null,
          examples: 0,
          message: {
            nl: 'Er is nog geen model getraind. Een beheerder kan het nu laten trainen; het gebeurt ook elke nacht.',
            en: 'No model has been trained yet. A manager can train it now; it also happens every night.',
          },
        },
        classifier: undefined,
      };
    }
    if (this.cached?.id !== latest.id) {
      const row = await this.repo.model(latest.id);
      if (!row || row.status !== 'trained' || !row.model) {
        this.cached = undefined;
        return {
          state: {
            status: 'insufficient_history',
            id: latest.id,
            examples: row?.examples ?? 0,
            message: {
              nl: `Te weinig afgehandelde, gecategoriseerde klachten om van te leren (${row?.examples ?? 0}; nodig: ${MIN_EXAMPLES}, en minstens ${MIN_PER_CATEGORY} in elk van twee categorieën). Er wordt geen categorie voorgesteld.`,
              en: `Too little closed, categorised history to learn from (${row?.examples ?? 0}; needed: ${MIN_EXAMPLES}, and at least ${MIN_PER_CATEGORY} in each of two categories). No category is suggested.`,
            },
          },
          classifier: undefined,
        };
      }
      this.cached = { id: latest.id, classifier: TextClassifier.fromJSON(row.model) };
      this.vectors.clear();
    }
    const c = this.cached.classifier;
    return {
      state: {
        status: 'trained',
        id: latest.id,
        trainedAt: c.model.trainedAt,
        examples: c.model.trainedOn,
        categories: c.classes.length,
        validationMacroF1: c.model.validation?.macroF1 ?? null,
      },
      classifier: c,
    };
  }

  /** Category suggestions (top 3 with confidence) and similar earlier cases for one case. */
  /** `readable`: the read policy's predicate for the asking user; similar cases come only from those. */
  async suggestions(caseId: string, opts: { top?: number; similar?: number; readable: RawBuilder<boolean> }) {
    const kase = await this.repo.caseForSuggestion(caseId);
    if (!kase) throw notFound('case');
    const { state, classifier } = await this.state();
    const categories = new Map((await this.repo.categories()).map((c) => [c.id, c]));
    const suggested = classifier
      ? classifier
          .suggest(kase.text, lang(kase.language), { top: opts.top ?? 3, minConfidence: MIN_CONFIDENCE })
          .filter((s) => categories.get(s.label)?.active)
          .map((s) => ({
            categoryId: s.label,
            name: categories.get(s.label)!.name,
            confidence: s.confidence,
          }))
      : [];

    const pool = await this.repo.candidates(caseId, SIMILARITY_POOL, opts.readable);
    // With a model, its vocabulary and weights; without one, a vocabulary fitted on the pool itself.
    const vectorizer =
      classifier?.vectorizer ??
      Vectorizer.fit(
        [kase, ...pool].map((r) => terms(r.text, lang(r.language), 1)),
        { ngrams: 1, minDf: 1, maxFeatures: 50_000 },
      );
    const modelKey = classifier ? `m${this.cached?.id}` : 'adhoc';
    const vectorOf = (r: { id: string; text: string; language: string; updated_at: Date }) => {
      if (!classifier) return vectorizer.transform(r.text, lang(r.language));
      const key = `${modelKey}:${r.updated_at.getTime()}`;
      const hit = this.vectors.get(r.id);
      if (hit?.key === key) return hit.vector;
      const vector = vectorizer.transform(r.text, lang(r.language));
      if (this.vectors.size > 4 * SIMILARITY_POOL) this.vectors.clear();
      this.vectors.set(r.id, { key, vector });
      return vector;
    };
    const similar = mostSimilar(
      vectorizer.transform(kase.text, lang(kase.language)),
      pool.map((r) => ({ item: r, vector: vectorOf(r) })),
      { top: opts.similar ?? 5, minSimilarity: 0.2 },
    ).map(({ item, similarity }) => ({
      id: item.id,
      reference: item.reference,
      status: item.status,
      categoryId: item.category_id,
      category: item.category_id ? (categories.get(item.category_id)?.name ?? null) : null,
      similarity,
    }));
    return {
      caseId: kase.id,
      reference: kase.reference,
      currentCategoryId: kase.category_id,
      model: state,
      categories: suggested,
      similar,
    };
  }

  /** Categories whose count in the current period is far above their recent baseline. */
  async spikes(opts: {
    unit: PeriodUnit;
    baselinePeriods: number;
    minCount: number;
    today?: string;
    readable: RawBuilder<boolean>;
  }) {
    const today = opts.today ?? amsterdamDate(new Date());
    const starts = periodStarts(today, opts.baselinePeriods + 1, opts.unit);
    const rows = await this.repo.dailyCounts(starts[0]!, opts.readable);
    const byCategory = new Map<string | null, { date: string; count: number }[]>();
    for (const r of rows) byCategory.set(r.category_id, [...(byCategory.get(r.category_id) ?? []), r]);
    const series = [...byCategory].map(([key, dated]) => ({ key, counts: bucket(starts, dated) }));
    const names = new Map((await this.repo.categories()).map((c) => [c.id, c.name]));
    const spikes = detectSpikes(series, { baselinePeriods: opts.baselinePeriods, minCount: opts.minCount });
    return {
      unit: opts.unit,
      today,
      periodStart: starts.at(-1)!,
      baselineFrom: starts[0]!,
      spikes: spikes.map((s) => ({
        categoryId: s.key,
        category: s.key ? (names.get(s.key) ?? null) : null,
        count: s.count,
        baseline: s.baseline,
        ratio: s.ratio,
        pValue: Number(s.pValue.toPrecision(3)),
        counts: series.find((x) => x.key === s.key)!.counts,
      })),
    };
  }
}
