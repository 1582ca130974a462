// Insight: classifier, similarity and trend detection. Data in, data out; no HTTP, no SQL.
export { detectLanguage, stems, terms, words, type TextLanguage } from './text.js';
export { cosine, Vectorizer, type SparseVector } from './vectorizer.js';
export {
  stratifiedSplit,
  train,
  TextClassifier,
  type Algorithm,
  type ModelJson,
  type Suggestion,
  type TrainingExample,
  type TrainOptions,
} from './classifier.js';
export { score, type ClassScore, type Scores } from './metrics.js';
export { seededRandom, shuffle } from './random.js';
export { mostSimilar, type Candidate } from './similarity.js';
export {
  bucket,
  detectSpikes,
  periodStarts,
  poissonUpperTail,
  type PeriodUnit,
  type Series,
  type Spike,
  type SpikeOptions,
} from './spikes.js';
export { dedupeAndSplit, EVALUATION_SEED } from './split.js';
export { scrub, type ScrubContext } from './scrub.js';
