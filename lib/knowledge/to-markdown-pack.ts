import { formatFrameText } from './default-frames';
import type { ListField } from './markdown-pack-lines';
import { STORY_PART_NAMES, STORY_PARTS } from './my-answer';
import type { KnowledgeEntry, KnowledgePack, MyAnswer, Outline } from './schema';

const BLOCK_TITLES: Record<ListField, string> = {
  keyPoints: 'Key points',
  pitfalls: 'Pitfalls',
  followUps: 'Follow-ups',
  numbers: 'Numbers',
};

function formatMyAnswer(answer: MyAnswer): string[] {
  const lines = ['', 'My answer:'];
  if (answer.lead) lines.push(`Lead: ${answer.lead}`);
  for (const part of STORY_PARTS) {
    const text = answer.story?.[part];
    if (text) lines.push(`${STORY_PART_NAMES[part]}: ${text.replace(/\s*\n\s*/g, ' ')}`);
  }
  lines.push(...answer.points.map((point) => `- ${point}`), ...answer.numbers.map((number) => `Number: ${number}`));
  return lines;
}

function formatBlock(outline: Outline, field: ListField, withTitle: boolean): string[] {
  const items = outline[field];
  if (items.length === 0) return [];
  // A point of several lines is code: written as a fenced block, read back as one point.
  return [
    '',
    ...(withTitle ? [`${BLOCK_TITLES[field]}:`] : []),
    ...items.map((item) => (item.includes('\n') ? `\`\`\`\n${item}\n\`\`\`` : `- ${item}`)),
  ];
}

function formatEntry(entry: KnowledgeEntry): string[] {
  const lines = [
    `## ${entry.question}`,
    `Id: ${entry.id}`,
    `Category: ${entry.category}`,
    `Frequency: ${entry.frequency}`,
  ];
  if (entry.tags.length) lines.push(`Tags: ${entry.tags.join(', ')}`);
  if (entry.phrasings.length) lines.push(`Also asked: ${entry.phrasings.join(' | ')}`);
  lines.push(`Frame: ${formatFrameText(entry.outline.frame)}`);
  lines.push(...formatBlock(entry.outline, 'keyPoints', true));
  lines.push(...formatBlock(entry.outline, 'pitfalls', true));
  lines.push(...formatBlock(entry.outline, 'followUps', true));
  lines.push(...formatBlock(entry.outline, 'numbers', true));
  if (entry.myAnswer) lines.push(...formatMyAnswer(entry.myAnswer));
  return lines;
}

/** Writes a pack as Markdown that parseMarkdownPack reads back to the same pack. */
export function toMarkdownPack(pack: KnowledgePack): string {
  const parts = [`# ${pack.title}`, ''];
  if (pack.aliases?.length) {
    parts.push('Aliases:', ...pack.aliases.map((alias) => `- ${alias.term}: ${alias.variants.join(' | ')}`), '');
  }
  for (const entry of pack.entries) parts.push(...formatEntry(entry), '');
  return parts.join('\n');
}
