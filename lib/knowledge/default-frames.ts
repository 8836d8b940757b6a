import type { Frame } from './schema';

/** The answer frames Cuecard knows by name; a pack may also spell out its own steps. */
const NAMED_FRAMES: Record<string, Frame> = {
  star: { name: 'STAR', steps: ['Situation', 'Task', 'Action', 'Result'] },
  design: { name: 'Design', steps: ['Clarify', 'Data', 'Model', 'Serving', 'Monitoring'] },
  coding: { name: 'Coding', steps: ['Approach', 'Complexity', 'Edge cases'] },
  concept: { name: 'Concept', steps: ['Definition', 'Intuition', 'Trade-offs', 'Example'] },
  ops: { name: 'Ops', steps: ['Context', 'Approach', 'Safeguards', 'Measure'] },
  compare: { name: 'Compare', steps: ['Each in a line', 'Key differences', 'When to pick which'] },
  techniques: { name: 'Techniques', steps: ['Diagnose', 'Options', 'Trade-offs', 'What I would pick'] },
  debug: { name: 'Debug', steps: ['Reproduce', 'Isolate', 'Fix', 'Prevent'] },
  motivation: { name: 'Motivation', steps: ['What draws me', 'Evidence', 'Link to the role'] },
};

export type FrameKind = keyof typeof NAMED_FRAMES;

/** "STAR, Design, …": the names a pack may give a frame by. */
export const KNOWN_FRAME_NAMES = Object.values(NAMED_FRAMES)
  .map((frame) => frame.name)
  .join(', ');

const FRAME_BY_CATEGORY: Record<string, string> = {
  behavioral: 'star',
  coding: 'coding',
  'ml-theory': 'concept',
  'system-design': 'design',
  mlops: 'ops',
  llm: 'concept',
  sql: 'coding',
  algorithms: 'coding',
};

/** The frame for a category when nothing in the question says more. */
export function categoryFrameKind(category: string): FrameKind {
  // Own keys only: a category such as "constructor" must not reach Object.prototype.
  return Object.hasOwn(FRAME_BY_CATEGORY, category) ? FRAME_BY_CATEGORY[category]! : 'concept';
}

export function namedFrame(kind: FrameKind): Frame {
  return structuredClone(NAMED_FRAMES[kind]!);
}

/**
 * Reads a frame written by hand: a known name ("STAR"), an arrow list
 * ("Clarify → Data → Model"), or both ("Rollout: Shadow → Canary → Full").
 * Returns null when the text names nothing usable.
 */
export function parseFrameText(raw: string): Frame | null {
  const trimmed = raw.trim();
  const name = trimmed.toLowerCase();
  if (Object.hasOwn(NAMED_FRAMES, name)) return structuredClone(NAMED_FRAMES[name]!);
  const colon = trimmed.indexOf(':');
  const frameName = colon > 0 ? trimmed.slice(0, colon).trim() : 'Steps';
  const stepsText = colon > 0 ? trimmed.slice(colon + 1) : trimmed;
  const steps = stepsText
    .split(/\s*(?:→|->|=>|>)\s*/)
    .map((step) => step.trim())
    .filter(Boolean);
  if (steps.length < 2) return null;
  return { name: frameName, steps };
}

/** Writes a frame back in the form parseFrameText reads. */
export function formatFrameText(frame: Frame): string {
  const known = Object.values(NAMED_FRAMES).find(
    (candidate) => candidate.name === frame.name && candidate.steps.join('|') === frame.steps.join('|'),
  );
  if (known) return known.name;
  return `${frame.name}: ${frame.steps.join(' → ')}`;
}
