// Insight: classifier, similarity and trend detection. Data in, data out; no HTTP, no SQL.
// The names the server and the CLI use; the modules export more for their own tests.
export { detectLanguage, terms, type TextLanguage } from './text.js';
export { Vectorizer, type SparseVector } from './vectorizer.js';
export { train, TextClassifier, type Algorithm, type TrainingExample } from './classifier.js';
export { score, type Scores } from './metrics.js';
export { mostSimilar } from './similarity.js';
export { bucket, detectSpikes, periodStarts, type PeriodUnit } from './spikes.js';
