import { anyOf } from './any-of';
import { normalizeTranscript } from './normalize-transcript';
import { NO_ALIASES, type CompiledAliases } from './pack-aliases';

/**
 * Question words and request phrases that ask wherever they stand: "… so how would you
 * train on that" asks even after a long preamble.
 */
const ASKING_ANYWHERE = new RegExp(
  String.raw`\b${anyOf(`
      how, why, whats, hows, whys, can you, could you, would you, will you, do you, did you, have you, are you,
      is it, is there, are there, tell me, walk me, talk me, take me, give me, walk through, go through,
      how about, what about, difference between, love to hear, like to hear, curious (?:about|how|why|what),
      interested in hearing
    `)}\b|\bwhat\b(?! (?:we|i|they|our|my)\b)`,
);

/**
 * Words that ask only where a clause starts or when a question follows them: "which makes
 * things hard" and "when we shipped it" are clauses of a statement, "which model would you
 * pick" and "when should you retrain" are questions.
 */
const ASKING_RELATIVE =
  /\b(?:which|when|where|who)\b(?: \w+){0,2} (?:would|should|do|does|did|is|are|was|were|can|could|will|might|has|have)\b/;

/** Where a clause may start: the beginning, or after a pivot, a connective or a comma of speech. */
const CLAUSE_START = String.raw`(?:^|\b${anyOf(`
  so, okay, ok, alright, right, now, and, then, please, next, first, lets, great, cool, well, just,
  maybe, also, but, yeah, sure, thanks, thank you, perfect
`)}\b )`;

/** Requests and yes/no questions that open a clause: "design a …", "should you alert on …". */
const ASKING_AT_CLAUSE_START = new RegExp(
  String.raw`${CLAUSE_START}${anyOf(`
    explain, describe, design, implement, write, code, code up, build, compare, contrast, share,
    suppose, imagine, say you, lets say, let us say, talk about, think about, define, derive, estimate,
    debug, sketch, outline, train, compute, calculate, find, return, evaluate, predict, detect,
    optimize, speed up, reduce, deal with, handle, pick, choose, list, name, show, should, does, do, is,
    are, can, could, would, will, have, has
  `)}\b`,
);

/**
 * A subject that makes a line a statement rather than a terse topic: "we use xgboost a lot
 * here" tells, "horizontal versus vertical scaling" asks without a question word.
 */
const DECLARATIVE_SUBJECT =
  /\b(?:we|were|weve|well|wed|i|im|ive|id|ill|our|my|youd|youll|youre|youve|theyre|they|its|thats|theres|this is|the team|the role|this role)\b/;

/**
 * Logistics and small talk of a call: they look like questions but never want a hint.
 * Matched against normalised text and cut out of it, so a question that follows
 * "can you hear me?" in the same breath still gets its hint.
 */
const SMALL_TALK: readonly RegExp[] = [
  /\b(?:see|seeing) my (?:screen|slides?|window|code|editor)\b/g,
  /\b(?:hear|hearing) me\b/g,
  /\bam i (?:audible|on mute|muted|breaking up|frozen)\b/g,
  /\b(?:you re|youre|you are|i m|im|i am) (?:on mute|muted|breaking up|frozen|cutting out)\b/g,
  /\b(?:\d+|few|couple of) minutes? (?:left|remaining)\b/g,
  /\b(?:some|a little|a bit of|enough|plenty of) time (?:left|remaining)\b/g,
  /\bwhen (?:can|could|would) you (?:start|join)\b/g,
  /\b(?:running|run) (?:out of|short on) time\b/g,
  /\bshare (?:my|your) screen\b/g,
  /\bhow (?:are|is) (?:you|your day|it going|everything)\b/g,
  /\b(?:good|great) to (?:meet|see) you\b/g,
  /\bnice to meet you\b/g,
  /\bthanks? (?:you )?for (?:joining|coming|your time|having me|making the time)\b/g,
  /\bwhere are you (?:calling|joining|based)\b/g,
  /\b(?:can|could|should) we (?:start|begin|get started|wrap up|take a break)\b/g,
  /\blets (?:get started|begin|start|wrap up|take a break)\b/g,
  /\b(?:questions|anything) (?:for|about) (?:me|us) before we\b/g,
  /\b(?:next steps|recruiter will|hear back|follow up by email)\b/g,
  /\bcan you (?:paste|drop|send) (?:the|a) link\b/g,
  /\bis (?:this|the) (?:time|slot) (?:ok|okay|still good|fine)\b/g,
];

export interface QuestionSignal {
  /** The text asks for an answer (a question word or an imperative such as "design"). */
  asksSomething: boolean;
  /**
   * Asks nothing and tells something ("we use xgboost a lot here", "you'd be joining the
   * search team"): whatever terms it names, it is not a question. A terse topic ("bias
   * variance trade-off") is neither.
   */
  isStatement: boolean;
  /**
   * When context comes before the question ("we run a marketplace with lots of fraud … how
   * would you catch it"): the clause that asks, from its question word on. Undefined when
   * the asking part is the whole text.
   */
  askingText?: string;
  /** The normalised text without its logistics and small talk: what a hint could be about. */
  topicText: string;
}

/** Reads whether a stretch of interviewer speech asks something, and what about. */
export function detectQuestion(text: string, aliases: CompiledAliases = NO_ALIASES): QuestionSignal {
  const normalized = normalizeTranscript(text, aliases);
  let topicText = normalized;
  for (const pattern of SMALL_TALK) topicText = topicText.replace(pattern, ' ');
  topicText = topicText.replace(/\s+/g, ' ').trim();
  const asksSomething = asks(topicText) || /\?\s*$/.test(text.trim());
  return {
    asksSomething,
    isStatement: !asksSomething && DECLARATIVE_SUBJECT.test(topicText),
    topicText,
    askingText: asksSomething ? askingClause(topicText) : undefined,
  };
}

function asks(text: string): boolean {
  return ASKING_ANYWHERE.test(text) || ASKING_RELATIVE.test(text) || ASKING_AT_CLAUSE_START.test(text);
}

/** Fewer words than this before the question word are part of the question, not context. */
const MIN_CONTEXT_WORDS = 4;

/** The text from the first question word or request on, when enough context precedes it. */
function askingClause(text: string): string | undefined {
  const starts = [ASKING_ANYWHERE, ASKING_RELATIVE].flatMap((pattern) =>
    [...text.matchAll(new RegExp(pattern.source, 'g'))].map((match) => match.index),
  );
  const start = starts.length ? Math.min(...starts) : 0;
  const before = text.slice(0, start).trim();
  if (!before || before.split(' ').length < MIN_CONTEXT_WORDS) return undefined;
  return text.slice(start).trim();
}
