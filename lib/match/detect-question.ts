import { normalizeTranscript } from './normalize-transcript';
import { NO_ALIASES, type CompiledAliases } from './pack-aliases';

/** Openings that make an utterance a request for an answer. */
const QUESTION_CUES =
  /\b(?:what|whats|how|why|when|which|who|where|can you|could you|would you|will you|do you|did you|have you|are you|is it|is there|tell me|walk me|talk me|talk about|take me|explain|describe|design|implement|write|code up|build|compare|contrast|give me|share|suppose|imagine|say you|lets say|let us say|walk through|go through|think about|how about|what about|define|derive|estimate|debug|sketch|outline|difference between|train|compute|calculate|find|return|evaluate|predict|detect|optimize|speed up|reduce|deal with|handle|love to hear|like to hear|curious (?:about|how|why|what)|interested in hearing)\b/;

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
  /** The normalised text without its logistics and small talk: what a hint could be about. */
  topicText: string;
}

/** Reads whether a stretch of interviewer speech asks something, and what about. */
export function detectQuestion(text: string, aliases: CompiledAliases = NO_ALIASES): QuestionSignal {
  const normalized = normalizeTranscript(text, aliases);
  let topicText = normalized;
  for (const pattern of SMALL_TALK) topicText = topicText.replace(pattern, ' ');
  return {
    asksSomething: QUESTION_CUES.test(normalized) || /\?\s*$/.test(text.trim()),
    topicText: topicText.replace(/\s+/g, ' ').trim(),
  };
}
