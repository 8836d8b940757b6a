import type { EntryTerms } from './index-terms';
import type { RankFits } from './index-search';

/**
 * How the encoder fares on this pack, read without labels: each probe entry's own question
 * against every entry's other text (phrasings, tags, outline).
 */
export interface SemanticCalibration {
  /** Share of probes whose question is closest to its own entry's text. */
  skill: number;
  /** The same share for random word vectors, which see only shared words: the skill to beat (NaN when not measured). */
  controlSkill: number;
  /** The similarity the best other entry reaches (the noise level a match must clear). */
  noise: number;
  /** The lead of the best other entry over the second: a lead this small is chance. */
  margin: number;
  /** False when the encoder cannot tell this pack's entries apart and stays out. */
  active: boolean;
}

export interface Calibration {
  /** The fit that an in-domain question the pack does not cover usually stays under. */
  noiseFit: number;
  /** How many held-out questions the calibration was read from. */
  probes: number;
  /**
   * How far the best of the remaining entries usually leads the second (fitLead) when a
   * held-out question is asked: a lead this small happens by chance, so a card needs more.
   */
  noiseMargin: number;
  /**
   * How much of a held-out question the best remaining entry typically leaves unexplained:
   * an entry silent on as much of a question as that is no better than noise.
   */
  noiseUnexplained: number;
  /** The semantic encoder's calibration; undefined when there is no encoder. */
  semantic?: SemanticCalibration;
}

/** How many entries are held out, one at a time, to read the pack's noise level. */
export const CALIBRATION_PROBES = 120;
/** The held-out fits are read at this quantile (chosen on the development sets: the shipped pack keeps its precision). */
const NOISE_QUANTILE = 0.7;
/**
 * Bounds on the noise level. The floor is about what one or two words found only in an
 * outline can reach: a small pack of distinct entries reads a lower noise level from
 * its held-out questions, but evidence that thin should offer a chip, never a card.
 */
const NOISE_FIT_RANGE: [number, number] = [0.2, 0.7];
/** The noise level used when calibration is switched off (the evaluation's ablation). */
const FIXED_NOISE_FIT = 0.45;
/** The lead over the runner-up a card needs when calibration is switched off. */
const FIXED_NOISE_MARGIN = 0.03;
/** The held-out leads (best remaining fit over the second) are read at this quantile. */
export const MARGIN_QUANTILE = 0.5;
/** The share of a held-out question its best remaining entry leaves unexplained, read at this quantile. */
const UNEXPLAINED_QUANTILE = 0.5;
/** Fewer held-out probes than this read no unexplained share (too small a pack to say). */
export const MIN_UNEXPLAINED_PROBES = 20;
/** The unexplained share a card must stay under when calibration is switched off. */
const FIXED_NOISE_UNEXPLAINED = 0.5;
/** The confidence that sits exactly at the noise level. */
const CONFIDENCE_AT_NOISE = 0.45;
/** How fast confidence rises above the noise level (in fit units per logit). */
const CONFIDENCE_SCALE = 0.08;

/** The calibration used when it is switched off (the evaluation's ablation): fixed levels. */
export function fixedCalibration(): Calibration {
  return {
    noiseFit: FIXED_NOISE_FIT,
    probes: 0,
    noiseMargin: FIXED_NOISE_MARGIN,
    noiseUnexplained: FIXED_NOISE_UNEXPLAINED,
  };
}

/**
 * Reads how well an in-domain question that the pack does not cover can still fit:
 * each probe asks the index an entry's own question with that entry held out, and the
 * best remaining fit is noise. Probes are spread evenly over the pack so the cost
 * stays fixed for large packs.
 */
export function calibrate(entryTerms: readonly EntryTerms[], rankFits: RankFits): Calibration {
  const probeCount = Math.min(entryTerms.length, CALIBRATION_PROBES);
  const noise: number[] = [];
  const leads: number[] = [];
  const unexplained: number[] = [];
  for (let i = 0; i < probeCount; i++) {
    const entryIndex = Math.floor((i * entryTerms.length) / probeCount);
    const question = entryTerms[entryIndex]!.heads[0];
    if (!question) continue;
    const [first, second] = rankFits([...question.terms], 2, entryIndex);
    noise.push(first?.[1] ?? 0);
    if (first && second) leads.push(first[1] - second[1]);
    unexplained.push(first?.[2] ?? 1);
  }
  const quantile = quantileOf(noise, NOISE_QUANTILE) ?? NOISE_FIT_RANGE[0];
  const noiseFit = Math.min(NOISE_FIT_RANGE[1], Math.max(NOISE_FIT_RANGE[0], quantile));
  return {
    noiseFit,
    probes: noise.length,
    noiseMargin: quantileOf(leads, MARGIN_QUANTILE) ?? FIXED_NOISE_MARGIN,
    // A few probes give no steady reading of this; the check then stands aside.
    noiseUnexplained: unexplained.length >= MIN_UNEXPLAINED_PROBES ? quantileOf(unexplained, UNEXPLAINED_QUANTILE)! : 1,
  };
}

const logit = (p: number) => Math.log(p / (1 - p));

/** A fit as a confidence (0…1) against the pack's noise level: CONFIDENCE_AT_NOISE at the noise level itself. */
export function confidenceOf(fit: number, calibration: Calibration): number {
  return 1 / (1 + Math.exp(-((fit - calibration.noiseFit) / CONFIDENCE_SCALE + logit(CONFIDENCE_AT_NOISE))));
}

export function quantileOf(values: number[], fraction: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}
