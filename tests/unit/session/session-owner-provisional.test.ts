import { describe, expect, it, vi } from 'vitest';
import type { PartialLine, SessionEvent, TranscriptLine } from '@/lib/messaging/runtime-messages';
import { createSessionOwner } from '@/lib/session/session-owner';
import { fakeOwnerPlatform, OWNER_PACK } from '../../fakes/session-owner-platform';

const { index } = OWNER_PACK;
const IMBALANCE = 'how-do-you-handle-class-imbalance';
const DROPOUT = 'what-is-dropout';

/** One interviewer utterance: its partials as it grows, then its final line. */
function utterance(seq: number, startMs: number) {
  return {
    partial: (text: string, sessionId = 's'): PartialLine => ({
      sessionId,
      channel: 'interviewer',
      text,
      startMs,
      endMs: startMs + 1_000,
    }),
    line: (text: string): TranscriptLine => ({
      sessionId: 's',
      seq,
      channel: 'interviewer',
      text,
      startMs,
      endMs: startMs + 3_000,
      at: 50_000 + seq,
    }),
  };
}
const kinds = (events: readonly SessionEvent[]) =>
  events.map((event) =>
    event.kind === 'provisional-card'
      ? `provisional ${event.card.entryId}${event.replaces ? ` replacing ${event.replaces}` : ''}`
      : event.kind === 'provisional-settled'
        ? `${event.outcome}${event.cards.length ? ` ${event.cards.map((hint) => hint.entryId).join(',')}` : ''}`
        : event.kind,
  );
/** The platform with a knowledge base that takes a while to come: what a worker waking up meets. */
const slowIndex = (platform: ReturnType<typeof fakeOwnerPlatform>['platform'], ms = 30) => ({
  ...platform,
  index: () => new Promise<typeof index>((resolve) => setTimeout(() => resolve(index), ms)),
});

describe('session owner: the card before the pause', () => {
  it("shows a confident partial's card at once; the final line confirms it and records it as any line's card, once", async () => {
    const fake = fakeOwnerPlatform(index);
    const owner = createSessionOwner(fake.platform);
    const asked = utterance(1, 1_000);
    expect(await owner.takePartial(asked.partial('so how would'))).toBeUndefined();
    const provisional = await owner.takePartial(asked.partial('so how would you handle class imbalance'));
    expect(provisional).toMatchObject({ line: -1, entryId: IMBALANCE, alternatives: [] });
    expect(await owner.takePartial(asked.partial('so how would you handle class imbalance in a'))).toBeUndefined();
    // Nothing is recorded for a partial: the record holds what final lines read.
    expect(fake.recorded).toEqual([]);

    const shown = await owner.takeLine(asked.line('so how would you handle class imbalance in a fraud model'));
    expect(shown.map((hint) => hint.entryId)).toEqual([IMBALANCE]);
    expect(fake.recorded).toEqual([
      { sessionId: 's', line: 1, entryId: IMBALANCE, question: 'How do you handle class imbalance?', at: 50_001 },
    ]);
    expect(kinds(fake.published)).toEqual([`provisional ${IMBALANCE}`, `confirmed ${IMBALANCE}`]);
    expect(fake.published.at(-1)).toEqual({
      kind: 'provisional-settled',
      sessionId: 's',
      startMs: 1_000,
      outcome: 'confirmed',
      cards: shown,
    });
    // The card is the current one: a repeat of the question changes nothing, as without partials.
    expect(await owner.takeLine(utterance(2, 6_000).line('so how do you handle class imbalance'))).toEqual([]);
  });

  it('a partial changes no chips, and the partials of the candidate bring nothing', async () => {
    const fake = fakeOwnerPlatform(index, { threshold: 0.99 });
    const owner = createSessionOwner(fake.platform);
    expect(
      await owner.takePartial(utterance(1, 1_000).partial('why is accuracy a bad metric when one class is rare')),
    ).toBeUndefined();
    expect(
      await owner.takePartial({
        ...utterance(2, 1_000).partial('how would you handle class imbalance'),
        channel: 'candidate',
      }),
    ).toBeUndefined();
    expect(fake.published).toEqual([]);
  });

  it('a different confident match replaces the card once; the final line reading a third keeps it, and records its own', async () => {
    const fake = fakeOwnerPlatform(index);
    const owner = createSessionOwner(fake.platform);
    const asked = utterance(1, 1_000);
    await owner.takePartial(asked.partial('what is dropout'));
    await owner.takePartial(asked.partial('how would you handle class imbalance'));
    await owner.takePartial(asked.partial('what is the difference between l one and l two regularization'));
    await owner.takeLine(asked.line('design a fraud detection system'));
    expect(kinds(fake.published)).toEqual([
      `provisional ${DROPOUT}`,
      `provisional ${IMBALANCE} replacing ${DROPOUT}`,
      'kept design-a-fraud-detection-system',
    ]);
    expect(fake.recorded.map((hint) => [hint.line, hint.entryId])).toEqual([[1, 'design-a-fraud-detection-system']]);
  });

  it('a final line that reads nothing confident leaves the card not confirmed, and records nothing', async () => {
    const fake = fakeOwnerPlatform(index);
    const owner = createSessionOwner(fake.platform);
    const asked = utterance(1, 1_000);
    await owner.takePartial(asked.partial('what is dropout'));
    expect(await owner.takeLine(asked.line('what is the weather like over there today'))).toEqual([]);
    expect(kinds(fake.published)).toEqual([`provisional ${DROPOUT}`, 'not-confirmed']);
    expect(fake.recorded).toEqual([]);
    // Not the current card either: a later line asking it brings it as a card of that line.
    const later = await owner.takeLine(utterance(2, 6_000).line('so what is dropout'));
    expect(later.map((hint) => [hint.line, hint.entryId])).toEqual([[2, DROPOUT]]);
  });

  it('a final line that reads another question replaces the card, once', async () => {
    const fake = fakeOwnerPlatform(index);
    const owner = createSessionOwner(fake.platform);
    const asked = utterance(1, 1_000);
    await owner.takePartial(asked.partial('what is dropout'));
    await owner.takeLine(asked.line('how would you handle class imbalance'));
    expect(kinds(fake.published)).toEqual([`provisional ${DROPOUT}`, `replaced ${IMBALANCE}`]);
    expect(fake.recorded.map((hint) => hint.entryId)).toEqual([IMBALANCE]);
  });

  it.each([
    ['the partial comes first', 'partial-first'],
    ['the line comes first', 'line-first'],
  ])(
    'a partial and the final line of one utterance at the same time, through a slow knowledge base (%s): one card, recorded once, never shown after its line',
    async (_case, order) => {
      const fake = fakeOwnerPlatform(index);
      const owner = createSessionOwner(slowIndex(fake.platform));
      const asked = utterance(1, 1_000);
      const partial = () => owner.takePartial(asked.partial('how would you handle class imbalance'));
      const line = () => owner.takeLine(asked.line('how would you handle class imbalance in a fraud model'));
      const [first, second] = await Promise.all(order === 'partial-first' ? [partial(), line()] : [line(), partial()]);
      expect(kinds(fake.published)).toEqual(
        order === 'partial-first' ? [`provisional ${IMBALANCE}`, `confirmed ${IMBALANCE}`] : ['cards'],
      );
      // The stale partial (after its line) showed nothing.
      if (order === 'line-first') expect(second).toBeUndefined();
      else expect(first).toBeDefined();
      expect(fake.recorded.map((hint) => [hint.line, hint.entryId])).toEqual([[1, IMBALANCE]]);
    },
  );

  it.each([
    ['the partial comes first', 'partial-first'],
    ['the line comes first', 'line-first'],
  ])(
    'a partial that reads a card the final line does not, at the same time as that line (%s): after its line, the partial is stale and shows nothing',
    async (_case, order) => {
      const fake = fakeOwnerPlatform(index);
      const owner = createSessionOwner(slowIndex(fake.platform));
      const asked = utterance(1, 1_000);
      const partial = () => owner.takePartial(asked.partial('what is dropout'));
      const line = () => owner.takeLine(asked.line('what is the weather like over there today'));
      const [first, second] = await Promise.all(order === 'partial-first' ? [partial(), line()] : [line(), partial()]);
      if (order === 'partial-first') {
        expect(first).toMatchObject({ entryId: DROPOUT });
        expect(kinds(fake.published)).toEqual([`provisional ${DROPOUT}`, 'not-confirmed']);
      } else {
        expect(second).toBeUndefined();
        expect(fake.published).toEqual([]);
      }
      expect(fake.recorded).toEqual([]);
    },
  );

  it("a partial of the next utterance that comes before this one's line: each line settles its own card", async () => {
    const fake = fakeOwnerPlatform(index);
    const owner = createSessionOwner(slowIndex(fake.platform, 5));
    const first = utterance(1, 1_000);
    const second = utterance(2, 6_000);
    await Promise.all([
      owner.takePartial(first.partial('what is dropout')),
      owner.takePartial(second.partial('how would you handle class imbalance')),
      owner.takeLine(first.line('what is dropout')),
      owner.takePartial(first.partial('what is dropout and how')),
      owner.takeLine(second.line('how would you handle class imbalance')),
    ]);
    expect(kinds(fake.published)).toEqual([
      `provisional ${DROPOUT}`,
      `provisional ${IMBALANCE}`,
      `confirmed ${DROPOUT}`,
      `confirmed ${IMBALANCE}`,
    ]);
    expect(fake.recorded.map((hint) => [hint.line, hint.entryId])).toEqual([
      [1, DROPOUT],
      [2, IMBALANCE],
    ]);
  });

  it('a worker that restarts between the provisional card and the final line: the new one confirms it, and records it once', async () => {
    const fake = fakeOwnerPlatform(index);
    const asked = utterance(1, 1_000);
    await createSessionOwner(fake.platform).takePartial(asked.partial('what is dropout'));
    const restarted = createSessionOwner(fake.platform);
    // The restarted worker remembers the card: the same partial again changes nothing.
    expect(await restarted.takePartial(asked.partial('what is dropout exactly'))).toBeUndefined();
    await restarted.takeLine(asked.line('what is dropout'));
    expect(kinds(fake.published)).toEqual([`provisional ${DROPOUT}`, `confirmed ${DROPOUT}`]);
    expect(fake.recorded.map((hint) => [hint.line, hint.entryId])).toEqual([[1, DROPOUT]]);
  });

  it('a worker that dies after confirming a card but before recording it: the next one records it, once', async () => {
    const fake = fakeOwnerPlatform(index);
    const asked = utterance(1, 1_000);
    const dying = { ...fake.platform, recordCard: () => new Promise<void>(() => undefined) };
    const first = createSessionOwner(dying);
    await first.takePartial(asked.partial('what is dropout'));
    void first.takeLine(asked.line('what is dropout'));
    await vi.waitFor(async () => expect((await fake.platform.loadState())?.pending?.[0]?.card.entryId).toBe(DROPOUT));
    const restarted = createSessionOwner(fake.platform);
    // The line arrives again (a retry): already read, nothing new; the pending card is recorded on the way.
    expect(await restarted.takeLine(asked.line('what is dropout'))).toEqual([]);
    expect(await restarted.takePartial(asked.partial('what is dropout'))).toBeUndefined();
    expect(fake.recorded.map((hint) => [hint.line, hint.entryId])).toEqual([[1, DROPOUT]]);
  });

  it('a new session starts with no provisional card', async () => {
    const fake = fakeOwnerPlatform(index);
    const owner = createSessionOwner(fake.platform);
    await owner.takePartial(utterance(1, 1_000).partial('what is dropout', 'first'));
    expect(await owner.takePartial(utterance(1, 1_000).partial('what is dropout', 'second'))).toMatchObject({
      entryId: DROPOUT,
    });
  });
});
