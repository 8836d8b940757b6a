import type { Frame, KnowledgeEntry } from '../knowledge/schema';

export const VERBOSITIES = ['glance', 'standard', 'detailed'] as const;
export type Verbosity = (typeof VERBOSITIES)[number];

export interface CardContent {
  entryId: string;
  question: string;
  category: string;
  verbosity: Verbosity;
  frame: Frame;
  /** 3–5 words to hold on to: what "glance" shows. */
  keywords: string[];
  keyPoints: string[];
  pitfalls: string[];
  followUps: string[];
  numbers: string[];
}

const GLANCE_KEYWORDS = 5;
const MAX_KEYWORD_WORDS = 4;

/**
 * The lead of a key point: the words before " — " or ": " when the author wrote
 * "Lead — detail", otherwise its first few words.
 */
export function keywordOf(keyPoint: string): string {
  const lead = keyPoint.split(/\s+[—–-]\s+|:\s+/)[0]!.trim();
  const words = lead.split(/\s+/);
  return words.length <= MAX_KEYWORD_WORDS ? lead : `${words.slice(0, MAX_KEYWORD_WORDS).join(' ')}…`;
}

/**
 * Builds the card for an entry at a verbosity: glance = frame + keywords (two seconds
 * to read), standard = + key points, detailed = + pitfalls, follow-ups and numbers.
 */
export function buildCard(entry: KnowledgeEntry, verbosity: Verbosity): CardContent {
  const { outline } = entry;
  const detailed = verbosity === 'detailed';
  return {
    entryId: entry.id,
    question: entry.question,
    category: entry.category,
    verbosity,
    frame: outline.frame,
    keywords: outline.keyPoints.slice(0, GLANCE_KEYWORDS).map(keywordOf),
    keyPoints: verbosity === 'glance' ? [] : outline.keyPoints,
    pitfalls: detailed ? outline.pitfalls : [],
    followUps: detailed ? outline.followUps : [],
    numbers: detailed ? outline.numbers : [],
  };
}

/** The card as plain text, for the command line and for copying. */
export function formatCard(card: CardContent): string {
  const lines = [`${card.question}  [${card.category}]`, `Frame: ${card.frame.name} — ${card.frame.steps.join(' → ')}`];
  if (card.verbosity === 'glance') lines.push(`Keywords: ${card.keywords.join(' · ')}`);
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push(`${title}:`, ...items.map((item) => `  - ${item}`));
  };
  section('Key points', card.keyPoints);
  section('Pitfalls', card.pitfalls);
  section('Follow-ups', card.followUps);
  section('Numbers', card.numbers);
  return lines.join('\n');
}
