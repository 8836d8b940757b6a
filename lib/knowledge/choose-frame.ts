import { anyOf } from '../match/any-of';
import { categoryFrameKind, namedFrame, type FrameKind } from './default-frames';
import type { Frame } from './schema';

/**
 * What a question's own words say about the shape of a good answer, strongest first. Each
 * rule reads the form of the question (its opening, its verb), not its topic, so it holds
 * for any field: "tell me about a time" wants a story, "X versus Y" a comparison, "how
 * would you reduce X" a set of techniques to weigh, "your service got slow, what do you
 * check" an investigation.
 */
const RULES: ReadonlyArray<readonly [FrameKind, RegExp]> = [
  [
    'motivation',
    new RegExp(
      String.raw`\b${anyOf(String.raw`
        why (?:do|would) you want, why (?:are|were) you leaving, why (?:this|our|the) (?:company|team|role|job),
        why .*\bwork (?:here|for|at|with)\b, where do you see yourself, (?:good|right) fit, resonates?,
        what (?:excites|motivates|draws) you, why should we hire
      `)}\b`,
    ),
  ],
  [
    'star',
    new RegExp(
      String.raw`\b${anyOf(String.raw`
        tell me about (?:a|an|the|your|one)\b(?! (?:difference|concept)),
        describe (?:a|an) (?:time|situation|project|moment|case),
        give (?:me )?an example of (?:a time|when|how you), talk (?:me )?about (?:a|your),
        a time (?:when|you|where), have you (?:ever )?(?:worked|had|led|disagreed|failed|made|dealt|handled),
        how (?:have|did) you (?:handle|deal|cope|manage|respond),
        in your (?:professional |previous |last )?(?:experience|job|role),
        (?:previous|past|last) (?:projects?|jobs?|roles?|team),
        you (?:have )?(?:faced|overcame|run into|ran into|encountered|were proud), proud of,
        (?:recent|biggest) (?:failure|mistake)
      `)}`,
    ),
  ],
  ['design', /(^|\b(how (would|do|will) you|can you|let's) )(design|architect)\b|\bdesign (a|an|the) \w+/],
  [
    'coding',
    /\b(implement|write (a|an|the)? ?(function|program|method|class|script|query|sql|code|algorithm)|code (up|a|an)|calculate|return the)\b/,
  ],
  [
    'debug',
    new RegExp(
      String.raw`\b(?:debug|troubleshoot|root cause|how (?:would|do) you (?:investigate|find out))\b|^(?:your|the|a|our|users?) .*\b${anyOf(String.raw`
        dropped, drops, degraded, doubled, spiked?, slow(?:er)?, blank, broken, fail(?:s|ed|ing)?,
        out of (?:\w+ )?memory, crash(?:es|ed)?, regress(?:ed|ion)?
      `)}\b.*\b(?:what|how) (?:do|would|should|will) (?:you|we) (?:check|try|do|look)`,
    ),
  ],
  [
    'compare',
    /\b(differences? (between|from)|differ(s|ent)? from|compare|comparison|versus|vs\.?|rather than|and vice versa|instead of|or (when|which))\b/,
  ],
  [
    'techniques',
    new RegExp(
      String.raw`\b(?:how ${anyOf(`
        do, would, can, could, should, might
      `)} (?:you|we|i|one)|what can (?:you|we) do to|ways? (?:to|you may|you might)|(?:techniques|methods|approaches|strategies) (?:for|to)|what approach(?:es)? would you)\b.*\b${anyOf(`
        handle, deal, prevent, reduce, avoid, mitigate, improve, speed(?: up)?, fix, tackle, tune, encode,
        choose, select, pick, scale, optimi[sz]e, lower, cut, meet, manage, detect, balance, combat, address,
        hide, decide, use, measure, evaluate, version, protect
      `)}\b|\bwhat (?:are|would be) (?:some |the )?(?:different )?${anyOf(`
        ways, techniques, methods, approaches, strategies, options
      `)}\b`,
    ),
  ],
  ['concept', /^(what (is|are|does|do)|what's|explain|define|describe|why|how (does|do) .*\bwork\b|when we say)/],
];

/** Numbering and quotes stripped, lower case: "12. Explain `this`." → "explain this." */
function plainQuestion(question: string): string {
  return question
    .toLowerCase()
    .replace(/^\s*(q(uestion)?\s*)?\d+[.):]\s*/, '')
    .replace(/[`"“”‘’]/g, (quote) => (quote === '’' || quote === '‘' ? "'" : ''))
    .trim();
}

/** The frame kind an entry's question asks for; its category's own when the question does not say. */
export function frameKindFor(question: string, category: string): FrameKind {
  const text = plainQuestion(question);
  const fallback = categoryFrameKind(category.trim().toLowerCase());
  // A coding or design category states the task; only a story overrides it.
  for (const [kind, pattern] of RULES) {
    if (!pattern.test(text)) continue;
    if ((fallback === 'coding' || fallback === 'design') && kind !== 'star' && kind !== fallback) continue;
    return kind;
  }
  return fallback;
}

/** The frame an entry gets when its pack names none: chosen from what the question asks. */
export function frameFromContent(question: string, category: string): Frame {
  return namedFrame(frameKindFor(question, category));
}
