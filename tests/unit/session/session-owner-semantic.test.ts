import { describe, expect, it } from 'vitest';
import { createSemanticIndex } from '@/lib/match/semantic-stage';
import type { SessionEvent, TranscriptLine } from '@/lib/messaging/runtime-messages';
import type { SemanticPlatform } from '@/lib/session/semantic-follow-up';
import { createSessionOwner } from '@/lib/session/session-owner';
import { createSessionStore } from '@/lib/store/session-store';
import { fakeOwnerPlatform, OWNER_PACK } from '../../fakes/session-owner-platform';

const { pack, index } = OWNER_PACK;
const DIM = pack.entries.length + 1;
const oneHot = (position: number) => Float32Array.from({ length: DIM }, (_, i) => (i === position ? 1 : 0));

/**
 * A sentence encoder that knows the field: each entry on its own axis (so calibration finds
 * plenty of room), a text on the axis of the entry its topic names, anything else on a spare axis.
 */
const TOPICS: Array<[RegExp, string]> = [
  [/imbalance|rare class/, 'how-do-you-handle-class-imbalance'],
  [/dropout|memori[sz]/, 'what-is-dropout'],
  [/regulari[sz]ation|penalt/, 'what-is-the-difference-between-l1-and-l2-regularization'],
  [/fraud|stolen card/, 'design-a-fraud-detection-system'],
];
const axisOf = (entryId: string) => pack.entries.findIndex((entry) => entry.id === entryId);
const knowing = (text: string) => {
  const topic = TOPICS.find(([pattern]) => pattern.test(text.toLowerCase()));
  return oneHot(topic ? axisOf(topic[1]) : DIM - 1);
};
const knowingIndex = createSemanticIndex(
  'knowing',
  pack.entries.map((entry, i) => ({ entry, vectors: [oneHot(i)] })),
);
/** What random weights do: every entry in the same place, no room above the noise. */
const uselessIndex = createSemanticIndex(
  'useless',
  pack.entries.map((entry) => ({ entry, vectors: [oneHot(0)] })),
);

/** The sentence model with each embedding held until released, as a slow one in the worker would be. */
function heldSemantic(semanticIndex = knowingIndex, vectorOf: (text: string) => Float32Array = knowing) {
  const held: Array<() => void> = [];
  const embedded: string[] = [];
  const semantic: SemanticPlatform = {
    index: async () => semanticIndex,
    embed: (text) => {
      embedded.push(text);
      return new Promise((resolve) => held.push(() => resolve(vectorOf(text))));
    },
  };
  return { semantic, embedded, held, release: () => held.splice(0).forEach((resolve) => resolve()) };
}

let seq = 0;
const say = (text: string): TranscriptLine => {
  seq += 1;
  return {
    sessionId: 's',
    seq,
    channel: 'interviewer',
    text,
    startMs: seq * 1000,
    endMs: seq * 1000 + 800,
    at: 10_000 + seq,
  };
};
/** Lets every pending promise chain run. */
const settle = async () => {
  // A few rounds of macrotasks: the owner's queue, the follow-up and the fake's promises.
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const cards = (events: SessionEvent[]) =>
  events.flatMap((event) => (event.kind === 'cards' ? event.cards.map((card) => card.entryId) : []));
const chips = (events: SessionEvent[]) =>
  events.flatMap((event) => (event.kind === 'near-misses' ? [event.offer.entries.map((entry) => entry.entryId)] : []));

const PARAPHRASE = 'how would you stop a network from memorising its training set?';

describe('session owner with the sentence model', () => {
  it('answers the line at once from the lexical matcher, and only afterwards adds what the sentence model found', async () => {
    const fake = fakeOwnerPlatform(index);
    const { semantic, embedded, release } = heldSemantic();
    fake.platform.semantic = async () => semantic;
    const owner = createSessionOwner(fake.platform);
    const lexicalOnly = fakeOwnerPlatform(index);
    const line = say(PARAPHRASE);

    // The same line delivered twice (two senders, a retry) is one line, not a newer one.
    const [shown] = await Promise.all([owner.takeLine(line), owner.takeLine(line)]);
    expect(shown).toEqual(await createSessionOwner(lexicalOnly.platform).takeLine(line));
    await settle();
    expect(embedded).toEqual([PARAPHRASE.replace('?', '')]);
    expect(fake.published).toEqual(lexicalOnly.published);

    release();
    await settle();
    const added = fake.published.slice(lexicalOnly.published.length);
    expect(added.length).toBe(1);
    expect([...cards(added), ...chips(added).flat()]).toContain('what-is-dropout');
  });

  it('drops its addition when a newer line arrived while the embedding was pending', async () => {
    const fake = fakeOwnerPlatform(index);
    const { semantic, embedded, release } = heldSemantic();
    fake.platform.semantic = async () => semantic;
    const owner = createSessionOwner(fake.platform);
    // Lines are numbered in the order they were heard (the owner reads each number once).
    const older = say(PARAPHRASE);
    const newer = say('how do you handle class imbalance?');

    // Both lines really in flight together; the first one's embedding is still held when the second is read.
    const [first, second] = await Promise.all([owner.takeLine(older), owner.takeLine(newer)]);
    expect(first).toEqual([]);
    expect(second.map((hint) => hint.entryId)).toEqual(['how-do-you-handle-class-imbalance']);
    await settle();
    expect(embedded).toEqual([PARAPHRASE.replace('?', ''), 'how do you handle class imbalance']);
    const before = [...fake.published];

    release();
    await settle();
    // The newer line's card stands alone: the sentence model agrees with it, and the older line's addition is dropped.
    expect(fake.published).toEqual(before);
    expect(cards(fake.published)).toEqual(['how-do-you-handle-class-imbalance']);
    expect(chips(fake.published).flat()).not.toContain('what-is-dropout');
  });

  it('drops its addition when the user picked a card meanwhile', async () => {
    const fake = fakeOwnerPlatform(index);
    const { semantic, release } = heldSemantic();
    fake.platform.semantic = async () => semantic;
    const owner = createSessionOwner(fake.platform);
    await Promise.all([
      owner.takeLine(say(PARAPHRASE)),
      owner.choose({
        sessionId: 's',
        card: {
          line: 0,
          entryId: 'design-a-fraud-detection-system',
          question: 'Design a fraud detection system.',
          confidence: 1,
          alternatives: [],
          heard: '',
          at: 1,
        },
      }),
    ]);
    await settle();
    const before = [...fake.published];
    release();
    await settle();
    expect(fake.published).toEqual(before);
  });

  it('with a useless encoder (random weights) publishes exactly what the lexical matcher does', async () => {
    const lines = [
      PARAPHRASE,
      'we use a lot of fraud models here',
      'how do you handle class imbalance?',
      'what is dropout?',
    ].map(say);
    const fake = fakeOwnerPlatform(index);
    const { semantic, embedded, release } = heldSemantic(uselessIndex);
    fake.platform.semantic = async () => semantic;
    const lexicalOnly = fakeOwnerPlatform(index);
    const owner = createSessionOwner(fake.platform);
    const plain = createSessionOwner(lexicalOnly.platform);
    for (const line of lines) {
      await owner.takeLine(line);
      await plain.takeLine(line);
      await settle();
      release();
      await settle();
    }
    expect(embedded).toHaveLength(lines.length);
    expect(fake.published).toEqual(lexicalOnly.published);
    expect(fake.recorded).toEqual(lexicalOnly.recorded);
  });

  it('keeps the lexical card and re-sends it with the sentence model’s confident other choice, shown once on the panel', async () => {
    const fake = fakeOwnerPlatform(index);
    // An encoder sure the class-imbalance line is about fraud: the card stays, fraud is offered beside it.
    const { semantic, release } = heldSemantic(knowingIndex, () => oneHot(axisOf('design-a-fraud-detection-system')));
    fake.platform.semantic = async () => semantic;
    const owner = createSessionOwner(fake.platform);
    const [card] = await owner.takeLine(say('how do you handle class imbalance?'));
    await settle();
    release();
    await settle();
    const resent = fake.published[1];
    expect(resent).toEqual({
      kind: 'cards',
      sessionId: 's',
      cards: [expect.objectContaining({ entryId: card!.entryId, at: card!.at })],
    });
    expect(
      (resent as Extract<SessionEvent, { kind: 'cards' }>).cards[0]!.alternatives.map(
        (alternative) => alternative.entryId,
      ),
    ).toContain('design-a-fraud-detection-system');
    expect(fake.recorded).toHaveLength(1);

    const store = createSessionStore();
    store.getState().apply({ kind: 'capturing', sessionId: 's', withMicrophone: false });
    for (const event of fake.published) store.getState().apply(event);
    expect(store.getState().questions).toHaveLength(1);
    expect(store.getState().card?.alternatives.map((alternative) => alternative.entryId)).toContain(
      'design-a-fraud-detection-system',
    );
  });

  it('leaves the lexical reading as it was when the sentence model fails', async () => {
    const fake = fakeOwnerPlatform(index);
    fake.platform.semantic = async () => ({
      index: async () => knowingIndex,
      embed: async () => Promise.reject(new Error('offscreen document closed')),
    });
    const lexicalOnly = fakeOwnerPlatform(index);
    const owner = createSessionOwner(fake.platform);
    for (const line of [say(PARAPHRASE), say('how do you handle class imbalance?')]) {
      await owner.takeLine(line);
      await createSessionOwner(lexicalOnly.platform).takeLine(line);
    }
    await settle();
    expect(fake.published.map((event) => event.kind)).toEqual(lexicalOnly.published.map((event) => event.kind));
  });
});
