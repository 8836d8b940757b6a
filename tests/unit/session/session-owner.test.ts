import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createQuestionIndex } from '@/lib/match/question-index';
import type { TranscriptLine } from '@/lib/messaging/runtime-messages';
import { cardsOf, openSessionDb, recordCard, type CardRecord } from '@/lib/session/session-db';
import { createSessionOwner, type OwnerState } from '@/lib/session/session-owner';
import { createSessionStore, type ShownCard } from '@/lib/store/session-store';
import { cardsFromRecords } from '@/lib/store/session-cards';
import { fakeOwnerPlatform, OWNER_PACK } from '../../fakes/session-owner-platform';

const { pack, index } = OWNER_PACK;
let seq = 0;
const say = (text: string, channel: TranscriptLine['channel'] = 'interviewer', sessionId = 's'): TranscriptLine => {
  seq += 1;
  return { sessionId, seq, channel, text, startMs: seq * 1000, endMs: seq * 1000 + 800, at: 10_000 + seq };
};

describe('session owner', () => {
  it('reads a line once: both questions of a two-question turn recorded in order and published as one event', async () => {
    const fake = fakeOwnerPlatform(index);
    const owner = createSessionOwner(fake.platform);
    const line = say("what's dropout, and what is the difference between l one and l two regularization?");
    const shown = await owner.takeLine(line);

    expect(shown.map((hint) => hint.question)).toEqual([
      'What is dropout?',
      'What is the difference between L1 and L2 regularization?',
    ]);
    expect(fake.recorded.map((hint) => [hint.question, hint.at])).toEqual([
      ['What is dropout?', line.at - 1],
      ['What is the difference between L1 and L2 regularization?', line.at],
    ]);
    expect(fake.published).toEqual([{ kind: 'cards', sessionId: 's', cards: shown }]);
    // The same line delivered twice (two senders, a retry) changes nothing.
    expect(await owner.takeLine(line)).toEqual([]);
    expect(fake.recorded).toHaveLength(2);
  });

  it('keeps the card for a repeat and for the candidate, offers chips for a close call', async () => {
    const fake = fakeOwnerPlatform(index);
    const owner = createSessionOwner(fake.platform);
    await owner.takeLine(say('how would you handle class imbalance'));
    expect(await owner.takeLine(say('i would look at pr auc', 'candidate'))).toEqual([]);
    expect(await owner.takeLine(say('so again, how do you handle class imbalance'))).toEqual([]);
    expect(fake.recorded).toHaveLength(1);

    // At the strictest sensitivity a likely question is a close call.
    const fresh = fakeOwnerPlatform(index, { threshold: 0.99 });
    expect(
      await createSessionOwner(fresh.platform).takeLine(say('why is accuracy a bad metric when one class is rare')),
    ).toEqual([]);
    expect(fresh.published).toEqual([
      {
        kind: 'near-misses',
        sessionId: 's',
        offer: expect.objectContaining({
          line: seq,
          entries: expect.arrayContaining([
            { entryId: 'how-do-you-handle-class-imbalance', question: 'How do you handle class imbalance?' },
          ]),
        }),
      },
    ]);
    expect(fresh.recorded).toEqual([]);
  });

  it('goes on after a restart with the card it had, and a choice becomes the card follow-ups lean to', async () => {
    const fake = fakeOwnerPlatform(index);
    await createSessionOwner(fake.platform).takeLine(say('how would you handle class imbalance'));
    const restarted = createSessionOwner(fake.platform);
    expect(await restarted.takeLine(say('how do you handle class imbalance'))).toEqual([]);

    const chosen = {
      line: seq,
      entryId: 'design-a-fraud-detection-system',
      question: 'Design a fraud detection system.',
      confidence: 1,
      alternatives: [],
      heard: '',
      at: 99,
    };
    await restarted.choose({ sessionId: 's', card: chosen });
    expect(fake.recorded.at(-1)).toEqual({
      sessionId: 's',
      line: seq,
      entryId: 'design-a-fraud-detection-system',
      question: 'Design a fraud detection system.',
      at: 99,
    });
    // Every panel is told, so a second panel shows the card picked in the first.
    expect(fake.published.at(-1)).toEqual({ kind: 'card-chosen', sessionId: 's', card: chosen });
    expect(await restarted.takeLine(say('so design a fraud detection system'))).toEqual([]);
  });

  it('reads new lines against a changed knowledge base without starting the session over', async () => {
    const fake = fakeOwnerPlatform(createQuestionIndex(pack.entries.slice(0, 1)));
    const owner = createSessionOwner(fake.platform);
    await owner.takeLine(say('how would you handle class imbalance'));
    fake.setIndex(index);
    const shown = await owner.takeLine(say('and what is dropout'));
    expect(shown.map((hint) => hint.question)).toEqual(['What is dropout?']);
    expect(fake.recorded).toHaveLength(2);
  });

  it('a new session starts with no card', async () => {
    const fake = fakeOwnerPlatform(index);
    const owner = createSessionOwner(fake.platform);
    await owner.takeLine(say('how would you handle class imbalance', 'interviewer', 'first'));
    expect(await owner.takeLine(say('how would you handle class imbalance', 'interviewer', 'second'))).toHaveLength(1);
  });

  it('a card that cannot be saved rejects that line, and the next line is still read', async () => {
    const failing = fakeOwnerPlatform(index, { failRecord: true });
    const owner = createSessionOwner(failing.platform);
    await expect(owner.takeLine(say('how would you handle class imbalance'))).rejects.toThrow(/quota/);
    await expect(owner.takeLine(say('what is dropout'))).rejects.toThrow(/quota/);
  });

  it('a failed read of its saved state is tried again, not kept: a brief failure costs nothing, a longer one only the lines during it', async () => {
    const brief = fakeOwnerPlatform(index, { failLoads: 1 });
    expect(await createSessionOwner(brief.platform).takeLine(say('how would you handle class imbalance'))).toHaveLength(
      1,
    );

    // Failing longer than the retries: that line is refused, the next one reads storage afresh.
    const longer = fakeOwnerPlatform(index, { failLoads: 3 });
    const owner = createSessionOwner(longer.platform);
    await expect(owner.takeLine(say('how would you handle class imbalance'))).rejects.toThrow(/storage.session/);
    expect(longer.loads()).toBe(3);
    expect((await owner.takeLine(say('what is dropout'))).map((hint) => hint.question)).toEqual(['What is dropout?']);
    expect(await owner.takeLine(say('and how do you handle class imbalance'))).toHaveLength(1);
    expect(longer.loads()).toBe(4);
  });
  it('a worker that dies between recording a card and saving its state does not give a repeated question a second card', async () => {
    const fake = fakeOwnerPlatform(index);
    // The first worker dies right after its first card is written: nothing it starts afterwards ever finishes.
    let dead = false;
    const dying = {
      ...fake.platform,
      recordCard: async (hint: CardRecord, replaces?: string) => {
        if (dead) return new Promise<void>(() => undefined);
        await fake.platform.recordCard(hint, replaces);
        dead = true;
      },
      saveState: (state: OwnerState) => (dead ? new Promise<void>(() => undefined) : fake.platform.saveState(state)),
    };
    void createSessionOwner(dying).takeLine(say('how would you handle class imbalance'));
    await vi.waitFor(() => expect(dead).toBe(true));

    const restarted = createSessionOwner(fake.platform);
    expect(await restarted.takeLine(say('so again, how do you handle class imbalance'))).toEqual([]);
    expect(fake.recorded.map((hint) => hint.entryId)).toEqual(['how-do-you-handle-class-imbalance']);
  });

  it('a worker that dies after deciding a card but before recording it: the next one records it', async () => {
    const fake = fakeOwnerPlatform(index);
    const dying = { ...fake.platform, recordCard: () => new Promise<void>(() => undefined) };
    const line = say('what is dropout');
    void createSessionOwner(dying).takeLine(line);
    await vi.waitFor(async () => expect((await fake.platform.loadState())?.current).toBe('what-is-dropout'));

    await createSessionOwner(fake.platform).takeLine(say('and how do you handle class imbalance'));
    expect(fake.recorded.map((hint) => [hint.line, hint.entryId])).toEqual([
      [line.seq, 'what-is-dropout'],
      [seq, 'how-do-you-handle-class-imbalance'],
    ]);
  });

  it('a line delivered again long after (more lines than the matcher reads) is not read again', async () => {
    const fake = fakeOwnerPlatform(index);
    const owner = createSessionOwner(fake.platform);
    const first = say('what is dropout');
    await owner.takeLine(first);
    await owner.takeLine(say('how would you handle class imbalance'));
    for (let i = 0; i < 5; i++) await owner.takeLine(say(`i would start with the metrics, part ${i}`, 'candidate'));
    expect(await owner.takeLine(first)).toEqual([]);
    expect(fake.recorded.map((hint) => hint.entryId)).toEqual(['what-is-dropout', 'how-do-you-handle-class-imbalance']);
    expect(fake.published.filter((event) => event.kind === 'cards')).toHaveLength(2);
  });
});

describe('the panel follows what the owner publishes', () => {
  it('shows the cards of its session, puts chips up and clears them when a card comes', () => {
    const store = createSessionStore();
    store.getState().apply({ kind: 'capturing', sessionId: 's', withMicrophone: false });
    const card = {
      line: 0,
      entryId: 'what-is-dropout',
      question: 'What is dropout?',
      confidence: 0.8,
      alternatives: [],
      heard: 'what is dropout',
      at: 5,
    };
    store.getState().apply({ kind: 'cards', sessionId: 'other', cards: [card] });
    expect(store.getState().card).toBeUndefined();
    store.getState().apply({
      kind: 'near-misses',
      sessionId: 's',
      offer: { line: 0, entries: [{ entryId: 'x', question: 'X?' }], heard: 'x', at: 4 },
    });
    expect(store.getState().nearMisses?.entries).toHaveLength(1);
    store.getState().apply({ kind: 'cards', sessionId: 's', cards: [card] });
    expect(store.getState()).toMatchObject({ card, questions: [card], nearMisses: undefined });
  });

  it('reading the record back on reopening keeps what arrived meanwhile', () => {
    const store = createSessionStore();
    store.getState().apply({ kind: 'capturing', sessionId: 's', withMicrophone: false });
    const live = { line: 0, entryId: 'b', question: 'B?', confidence: 0.8, alternatives: [], heard: 'b', at: 20 };
    const line = { sessionId: 's', seq: 5, channel: 'interviewer' as const, text: 'b', startMs: 0, endMs: 1, at: 20 };
    store.getState().apply({ kind: 'line', line });
    store.getState().apply({ kind: 'cards', sessionId: 's', cards: [live] });
    // The record, read before those two events were written.
    const saved = { line: 0, entryId: 'a', question: 'A?', confidence: 1, alternatives: [], heard: '', at: 10 };
    store.getState().resume('s', [{ ...line, seq: 4, text: 'a', at: 10 }], [saved]);
    expect(store.getState()).toMatchObject({ card: live, questions: [saved, live] });
    expect(store.getState().lines.map((known) => known.seq)).toEqual([4, 5]);
  });
});

describe('every panel shows each card once, and the same card', () => {
  const card = (line: number, entryId: string, at: number): ShownCard => ({
    line,
    entryId,
    question: `${entryId}?`,
    confidence: 0.8,
    alternatives: [],
    heard: entryId,
    at,
  });

  it.each([
    ['the live event lands before the record is read back', 0],
    ['the live event lands after the record was read back', 20],
  ])('reopening while a card is published: %s', async (_case, deliveryMs) => {
    const db = await openSessionDb(`resume-${Math.random()}`);
    const store = createSessionStore();
    store.getState().apply({ kind: 'capturing', sessionId: 's', withMicrophone: false });
    const owner = createSessionOwner({
      ...fakeOwnerPlatform(index).platform,
      recordCard: (hint, replaces) => recordCard(db, hint, replaces),
      // A runtime message arrives a little later than the owner sends it.
      publish: (event) => void setTimeout(() => store.getState().apply(event), deliveryMs),
    });
    const reopen = async () => {
      const questions = cardsFromRecords(await cardsOf(db, 's'));
      store.getState().resume('s', [], questions);
    };
    const line = say('how would you handle class imbalance');
    await Promise.all([owner.takeLine(line).then(reopen), reopen()]);
    await new Promise((resolve) => setTimeout(resolve, deliveryMs + 10));
    expect(store.getState().questions.map((question) => [question.line, question.entryId])).toEqual([
      [line.seq, 'how-do-you-handle-class-imbalance'],
    ]);
    expect(store.getState().card?.entryId).toBe('how-do-you-handle-class-imbalance');
  });

  it('a card picked in one panel shows in every panel: the owner publishes it to all', async () => {
    const panels = [createSessionStore(), createSessionStore()];
    for (const panel of panels) panel.getState().apply({ kind: 'capturing', sessionId: 's', withMicrophone: false });
    const fake = fakeOwnerPlatform(index);
    const owner = createSessionOwner({
      ...fake.platform,
      publish: (event) => panels.forEach((panel) => panel.getState().apply(event)),
    });
    const [shown] = await owner.takeLine(say('how would you handle class imbalance'));
    // Panel 0 corrects the card to another entry; it shows it at once and tells the owner.
    const picked = {
      ...shown!,
      entryId: 'what-is-dropout',
      question: 'What is dropout?',
      confidence: 1,
      alternatives: [],
    };
    panels[0]!.getState().showChosen(picked, shown!.entryId);
    await owner.choose({ sessionId: 's', card: picked, replaces: shown!.entryId });
    for (const panel of panels) {
      expect(panel.getState().card).toEqual(picked);
      expect(panel.getState().questions).toEqual([picked]);
    }
    // A chip picked in panel 1 (a new card for the line) joins both panels' lists once.
    const chip = card(shown!.line, 'design-a-fraud-detection-system', shown!.at + 5);
    panels[1]!.getState().showChosen(chip);
    await owner.choose({ sessionId: 's', card: chip });
    for (const panel of panels)
      expect(panel.getState().questions.map((question) => question.entryId)).toEqual([
        'what-is-dropout',
        'design-a-fraud-detection-system',
      ]);
  });

  it('shows who is speaking from the start of their speech to their line, where partial text may be off', () => {
    const store = createSessionStore();
    store.getState().apply({ kind: 'capturing', sessionId: 's', withMicrophone: false });
    store.getState().apply({ kind: 'speech-start', channel: 'interviewer' });
    expect(store.getState().speaking).toEqual({ interviewer: true });
    store.getState().apply({ kind: 'line', line: { ...say('what is dropout'), sessionId: 's' } });
    expect(store.getState().speaking).toEqual({ interviewer: false });
  });
});

describe('knowledgeIndexCache', () => {
  it('builds the index again only when the knowledge changed', async () => {
    const { knowledgeIndexCache } = await import('@/lib/match/knowledge-index');
    const indexFor = knowledgeIndexCache([pack]);
    const state = { userPacks: [], disabledPackIds: [], learnedPhrasings: {} };
    const first = indexFor(state);
    expect(indexFor({ ...state })).toBe(first);
    const off = indexFor({ ...state, disabledPackIds: [pack.id] });
    expect(off).not.toBe(first);
    expect(off.entries).toEqual([]);
    expect(first.entries).toHaveLength(4);
  });
});
