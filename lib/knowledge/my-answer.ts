import type { KnowledgePack, MyAnswer } from './schema';

export const STORY_PARTS = ['situation', 'task', 'action', 'result'] as const;

/** How each part of a story is named on the card, in the editor and in a pack file. */
export const STORY_PART_NAMES = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' } as const;

/** Whether the answer holds nothing worth keeping (a cleared form). */
export function isBlankAnswer(answer: MyAnswer): boolean {
  return (
    !answer.lead && !answer.points.length && !answer.numbers.length && !STORY_PARTS.some((part) => answer.story?.[part])
  );
}

const firstSentence = (text: string) => /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;

/** The answer in one line, for a glance: the lead the user wrote, else the story's opening, else the first point. */
export function answerLead(answer: MyAnswer): string | undefined {
  const opening = STORY_PARTS.map((part) => answer.story?.[part]).find(Boolean);
  return answer.lead || (opening && firstSentence(opening)) || answer.points[0] || undefined;
}

/** A pack with the user's answers written into its entries, for export. */
export function withMyAnswers(pack: KnowledgePack, answers: Readonly<Record<string, MyAnswer>>): KnowledgePack {
  return {
    ...pack,
    entries: pack.entries.map((entry) =>
      Object.hasOwn(answers, entry.id) ? { ...entry, myAnswer: answers[entry.id] } : entry,
    ),
  };
}

/** An imported pack split into the pack as stored (no answers in it) and the answers it carried, by entry id. */
export function takeMyAnswers(pack: KnowledgePack): { pack: KnowledgePack; answers: Record<string, MyAnswer> } {
  const answers: Record<string, MyAnswer> = {};
  const entries = pack.entries.map(({ myAnswer, ...entry }) => {
    if (myAnswer && !isBlankAnswer(myAnswer)) answers[entry.id] = myAnswer;
    return entry;
  });
  return { pack: { ...pack, entries }, answers };
}
