/**
 * What speech recognition and interview talk do to words in any field: fillers, spelled
 * acronyms, British spellings, words with no topic. Both the pack and the transcript pass
 * through these. A field's own vocabulary (ML's "too tower" → two-tower) lives in its
 * pack's "Aliases:" block and is compiled by compileAliases.
 */

/** Acronyms that letter-by-letter speech ("a u c") is folded back into. */
export const KNOWN_ACRONYMS = new Set([
  'ab', 'ai', 'api', 'auc', 'aws', 'bert', 'cnn', 'cpu', 'ctr', 'cv', 'dag', 'dl', 'dnn', 'etl', 'gan',
  'gbdt', 'gpt', 'gpu', 'gru', 'hnsw', 'io', 'knn', 'kl', 'llm', 'lr', 'lstm', 'map', 'ml', 'mle', 'mlp',
  'mrr', 'mse', 'nlp', 'ndcg', 'ocr', 'oom', 'pca', 'qps', 'rag', 'rl', 'rlhf', 'rnn', 'roc', 'sgd',
  'sla', 'slo', 'sql', 'svd', 'svm', 'tpu', 'ui', 'ux', 'vae', 'xg',
]);

/** Single letters that take a number after them ("l 2" → "l2", "p 99" → "p99"). */
export const LETTER_NUMBER_PREFIXES = new Set(['l', 'f', 'p', 'k']);

/** Filler words and phrases dropped before matching. */
export const FILLER_PHRASES = [
  // "you know" is a filler, but not in "would you know", "do you know", "how do you know".
  '(?<!\\b(?:would|do|did|will|can|could|should|does|to|how|might) )you know', 'i mean', 'kind of', 'sort of', 'so yeah', 'i guess', 'let me see', 'let s see',
];
export const FILLER_WORDS = new Set([
  'um', 'umm', 'uh', 'uhh', 'uhm', 'erm', 'er', 'ah', 'eh', 'hmm', 'hm', 'mm', 'mhm', 'like', 'basically',
  'actually', 'literally',
]);

/** British spellings rewritten to the American ones the pack uses. */
export const SPELLING_VARIANTS: Array<[RegExp, string]> = [
  [/isation/g, 'ization'],
  [/\b(optimi|normali|regulari|generali|summari|prioriti|visuali|tokeni|minimi|maximi|initiali|categori|standardi|personali)s(e|es|ed|ing)\b/g, '$1z$2'],
  [/\bbehaviour/g, 'behavior'],
  [/\bneighbour/g, 'neighbor'],
  [/\bmodelling\b/g, 'modeling'],
  [/\blabelled\b/g, 'labeled'],
];

/**
 * Single words that mean the same in interview talk about any field (behavioural
 * questions, incidents); applied before stemming. A field's own vocabulary belongs to
 * its pack ("Aliases:"), not here.
 */
export const WORD_SYNONYMS: Record<string, string> = {
  disagreed: 'disagree',
  disagreement: 'disagree',
  conflict: 'disagree',
  conflicts: 'disagree',
  argued: 'disagree',
  pushback: 'disagree',
  boss: 'manager',
  supervisor: 'manager',
  coworker: 'colleague',
  teammate: 'colleague',
  peer: 'colleague',
  failed: 'failure',
  fail: 'failure',
  outage: 'incident',
  outages: 'incident',
  broke: 'incident',
  mistakes: 'mistake',
  screwed: 'mistake',
  terrible: 'bad',
  badly: 'bad',
  poorly: 'bad',
  poor: 'bad',
  worse: 'bad',
};

/** Words that carry no topic in an interview question. */
export const STOPWORDS = new Set([
  'a', 'about', 'above', 'after', 'again', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as', 'at',
  'be', 'been', 'before', 'being', 'between', 'both', 'but', 'by', 'can', 'could', 'did', 'do', 'does',
  'doing', 'dont', 'down', 'during', 'each', 'few', 'for', 'from', 'further', 'had', 'has', 'have',
  'having', 'he', 'her', 'here', 'hers', 'him', 'his', 'how', 'i', 'id', 'if', 'im', 'in', 'into', 'is',
  'it', 'its', 'itself', 'ive', 'just', 'let', 'lets', 'll', 'me', 'might', 'more', 'most', 'my', 'myself',
  'no', 'nor', 'not', 'now', 'of', 'off', 'on', 'once', 'only', 'or', 'other', 'our', 'ours', 'out',
  'over', 'own', 'please', 're', 's', 'same', 'she', 'should', 'so', 'some', 'such', 't', 'than', 'that',
  'thats', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'through', 'to',
  'too', 'under', 'until', 'up', 'us', 've', 'very', 'was', 'we', 'were', 'what', 'whats', 'when', 'where',
  'which', 'while', 'who', 'whom', 'why', 'will', 'with', 'would', 'you', 'youd', 'your', 'youre', 'yours',
  'okay', 'ok', 'alright', 'right', 'yeah', 'yes', 'yep', 'sure', 'great', 'cool', 'nice',
  'awesome', 'perfect', 'thanks', 'thank', 'well', 'moving', 'move', 'next',
  'tell', 'know', 'want', 'wanted', 'going', 'gonna', 'think', 'really', 'quick', 'quickly', 'briefly',
  'maybe', 'something', 'anything', 'thing', 'things', 'get', 'got', 'go', 'say', 'said', 'talk',
  'talking', 'ask', 'asking', 'curious', 'hear', 'little', 'bit', 'lot', 'much', 'many', 'kind', 'sort',
  'one', '1', 'give', 'today', 'first', 'liked', 'love', 'good', 'interesting', 'walk',
  'mind', 'see', 'hi', 'hello', 'hey', 'second', 'sorry', 'pardon', 'excuse',
]);

/**
 * Task words shared by many questions ("design", "implement"): they still count,
 * at a fraction of their weight, so "implement k-means" leans to the coding entry
 * without "design" pulling every design question forward.
 */
export const WEAK_WORDS = [
  'design', 'implement', 'build', 'write', 'code', 'approach', 'handle', 'use', 'work', 'difference',
  'improve', 'system', 'model', 'time', 'make', 'choose', 'decide', 'new', 'data', 'evaluate', 'way',
  'situation', 'experience', 'case', 'problem', 'scratch', 'function', 'example', 'explain', 'describe',
  // Quantities ("thousands of features") set the scale, not the topic; a corpus does not tag them.
  'hundreds', 'thousands', 'millions', 'billions', 'dozens', 'hundred', 'thousand', 'million', 'billion', 'dozen',
];
