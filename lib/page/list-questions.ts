import type { Block, TextBlock } from './page-blocks';
import { cleanQuestion, hasDifficultyMark, isLabel, looksLikeQuestion, MAX_QUESTION_LENGTH } from './question-text';

/** List items that are questions: a list (or nested list) whose items mostly read as questions. */
export function listQuestions(
  blocks: readonly Block[],
  covered: ReadonlySet<number>,
): Array<{ index: number; question: string }> {
  const items = blocks
    .map((block, index) => ({ block, index }))
    .filter(
      (entry): entry is { block: TextBlock; index: number } =>
        entry.block.kind === 'text' && entry.block.item?.own === true && !covered.has(entry.index),
    );
  const lists = new Map<Element, Array<{ block: TextBlock; index: number }>>();
  for (const entry of items) {
    const members = lists.get(entry.block.item!.list);
    if (members) members.push(entry);
    else lists.set(entry.block.item!.list, [entry]);
  }
  const accepted = new Set<TextBlock>();
  // Deepest lists first: an item whose nested list holds questions is a topic, not a question.
  const ordered = [...lists.values()].sort((a, b) => b[0]!.block.item!.depth - a[0]!.block.item!.depth);
  const topics = new Set<TextBlock>();
  for (const members of ordered) {
    const own = members.filter((entry) => !entry.block.linkOnly && !topics.has(entry.block) && !entry.block.disclosure);
    const textual = own.filter(
      (entry) => looksLikeQuestion(entry.block.text) || hasDifficultyMark(entry.block.text),
    ).length;
    if (textual === 0 || textual / Math.max(own.length, 1) < 0.6) continue;
    for (const entry of own) {
      accepted.add(entry.block);
      if (entry.block.item!.parent) topics.add(entry.block.item!.parent);
    }
  }
  return items
    .filter((entry) => accepted.has(entry.block))
    .map((entry) => {
      const question = cleanQuestion(entry.block.text);
      const parent = entry.block.item!.parent;
      // "Compare the two." needs the topic it hangs under to make sense on its own.
      if (parent?.kind === 'text' && !accepted.has(parent)) {
        const topic = cleanQuestion(parent.text).replace(/[.:;,]+$/, '');
        const withTopic = `${topic} — ${question}`;
        if (topic && withTopic.length <= MAX_QUESTION_LENGTH) return { index: entry.index, question: withTopic };
      }
      return { index: entry.index, question };
    })
    .filter(
      (entry) => entry.question.length >= 3 && entry.question.length <= MAX_QUESTION_LENGTH && !isLabel(entry.question),
    );
}
