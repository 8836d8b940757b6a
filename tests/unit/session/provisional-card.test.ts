import { describe, expect, it } from 'vitest';
import type { PartialLine, ShownCard } from '@/lib/messaging/runtime-messages';
import {
  NO_PROVISIONAL,
  readPartial,
  settleLine,
  stepPartial,
  type PartialReading,
  type ProvisionalState,
} from '@/lib/session/provisional-card';
import { OWNER_PACK } from '../../fakes/session-owner-platform';

const card = (entryId: string, line = -1): ShownCard => ({
  line,
  entryId,
  question: `${entryId}?`,
  confidence: 0.8,
  alternatives: [],
  heard: entryId,
  at: 1,
});
const reads = (...entryIds: string[]): PartialReading => ({
  card: card(entryIds[entryIds.length - 1]!),
  entryIds,
});
/** Feeds partials of one utterance in turn; returns what each showed ('-' for nothing) and the state after. */
function partials(
  startMs: number,
  readings: Array<PartialReading | undefined>,
  from: ProvisionalState = NO_PROVISIONAL,
) {
  let state = from;
  const shown = readings.map((reading) => {
    const next = stepPartial(state, startMs, reading);
    state = next.state;
    return next.step.kind === 'show'
      ? `${next.step.card.entryId}${next.step.replaces ? ` (replaces ${next.step.replaces})` : ''}`
      : '-';
  });
  return { shown, state };
}
const interviewer = (startMs: number) => ({ channel: 'interviewer' as const, startMs });

describe('the provisional card of an utterance', () => {
  it('shows on the first confident partial; the same entry again changes nothing, nor does nothing confident', () => {
    expect(partials(1_000, [undefined, reads('a'), reads('a'), undefined, reads('a')]).shown).toEqual([
      '-',
      'a',
      '-',
      '-',
      '-',
    ]);
  });

  it('a different confident entry replaces it once; a third different entry, or going back, changes nothing', () => {
    expect(partials(1_000, [reads('a'), reads('b'), reads('c'), reads('a'), reads('b')]).shown).toEqual([
      'a',
      'b (replaces a)',
      '-',
      '-',
      '-',
    ]);
  });

  it('a partial that reads the card on screen with a second question of the turn changes nothing: the line brings both', () => {
    expect(partials(1_000, [reads('a'), reads('a', 'b')]).shown).toEqual(['a', '-']);
  });

  it('each utterance has its own card and its own one change', () => {
    const first = partials(1_000, [reads('a'), reads('b')]);
    const second = partials(5_000, [reads('c'), reads('d'), reads('a')], first.state);
    expect(second.shown).toEqual(['c', 'd (replaces c)', '-']);
    expect(second.state.open.map(({ startMs, card: { entryId } }) => [startMs, entryId])).toEqual([
      [1_000, 'b'],
      [5_000, 'd'],
    ]);
  });
});

describe('the final line settles it', () => {
  it('confirms the card when the line reads the same entry (also as one of two questions asked)', () => {
    const { state } = partials(1_000, [reads('a')]);
    expect(settleLine(state, interviewer(1_000), [card('a', 7)]).settlements).toEqual([
      { startMs: 1_000, outcome: 'confirmed' },
    ]);
    expect(settleLine(state, interviewer(1_000), [card('a', 7), card('b', 7)]).settlements).toEqual([
      { startMs: 1_000, outcome: 'confirmed' },
    ]);
  });

  it("replaces it with the line's card when the line reads another entry and the utterance had not changed its card", () => {
    const { state } = partials(1_000, [reads('a')]);
    expect(settleLine(state, interviewer(1_000), [card('b', 7)]).settlements).toEqual([
      { startMs: 1_000, outcome: 'replaced' },
    ]);
  });

  it('keeps it, not confirmed, when the line reads a third entry after the one change', () => {
    const { state } = partials(1_000, [reads('a'), reads('b')]);
    expect(settleLine(state, interviewer(1_000), [card('c', 7)]).settlements).toEqual([
      { startMs: 1_000, outcome: 'kept' },
    ]);
  });

  it('keeps it, not confirmed, when the line reads nothing confident', () => {
    const { state } = partials(1_000, [reads('a')]);
    const settled = settleLine(state, interviewer(1_000), []);
    expect(settled.settlements).toEqual([{ startMs: 1_000, outcome: 'not-confirmed' }]);
    expect(settled.state).toEqual({ open: [], endedAt: 1_000 });
  });

  it('an utterance that ended with no line of its own is not confirmed by the next line', () => {
    const { state } = partials(1_000, [reads('a')]);
    expect(settleLine(state, interviewer(5_000), [card('a', 7)]).settlements).toEqual([
      { startMs: 1_000, outcome: 'not-confirmed' },
    ]);
  });

  it("a line settles only its own utterance: the next utterance's card, shown before that line came, stays open", () => {
    const first = partials(1_000, [reads('a')]);
    const second = partials(5_000, [reads('b')], first.state);
    const settled = settleLine(second.state, interviewer(1_000), [card('a', 7)]);
    expect(settled.settlements).toEqual([{ startMs: 1_000, outcome: 'confirmed' }]);
    expect(settled.state.open.map(({ startMs }) => startMs)).toEqual([5_000]);
  });

  it("the candidate's line settles nothing", () => {
    const { state } = partials(1_000, [reads('a')]);
    expect(settleLine(state, { channel: 'candidate', startMs: 2_000 }, [])).toEqual({ state, settlements: [] });
  });

  it('a partial of an utterance whose line was read is stale: it shows nothing, even a new entry', () => {
    const { state } = partials(1_000, [reads('a')]);
    const after = settleLine(state, interviewer(1_000), [card('a', 7)]).state;
    expect(partials(1_000, [reads('b')], after).shown).toEqual(['-']);
    expect(partials(500, [reads('b')], after).shown).toEqual(['-']);
    // The next utterance is not stale.
    expect(partials(4_000, [reads('b')], after).shown).toEqual(['b']);
  });
});

describe('reading a partial line', () => {
  const { index } = OWNER_PACK;
  const partial = (text: string, channel: PartialLine['channel'] = 'interviewer'): PartialLine => ({
    sessionId: 's',
    channel,
    text,
    startMs: 1_000,
    endMs: 2_000,
  });
  const read = (text: string, channel?: PartialLine['channel']) =>
    readPartial(index, [], partial(text, channel), undefined, { threshold: 0.45 }, 99);

  it('reads a confident question as the final line would, as a card of no line yet and with no alternatives', () => {
    const reading = read('so how would you handle class imbalance');
    expect(reading?.entryIds).toEqual(['how-do-you-handle-class-imbalance']);
    expect(reading?.card).toMatchObject({
      line: -1,
      entryId: 'how-do-you-handle-class-imbalance',
      alternatives: [],
      at: 99,
    });
  });

  it.each([
    ['a statement (the trust policy: never a card)', 'we use dropout a lot in our models here'],
    ['the first words of a question', 'so how would'],
    ['small talk', 'thanks for joining today'],
  ])('brings nothing for %s', (_case, text) => {
    expect(read(text)).toBeUndefined();
  });

  it("brings nothing for the candidate's partial", () => {
    expect(read('how would you handle class imbalance', 'candidate')).toBeUndefined();
  });

  it('brings nothing for the card already on screen', () => {
    const current = index.entry('how-do-you-handle-class-imbalance');
    expect(
      readPartial(index, [], partial('how do you handle class imbalance'), current, { threshold: 0.45 }, 99),
    ).toBeUndefined();
  });
});
