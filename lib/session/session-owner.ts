import type { QuestionMatch } from '../match/match-question';
import type { PartialLine, ShownCard, TranscriptLine } from '../messaging/runtime-messages';
import { applySemanticStage } from '../match/semantic-stage';
import { cardsToShow, nearMissOffer, readLine, WINDOW_LINES, type LiveReading } from './live-cards';
import { createOwnerCore, pendingCards, type OwnerCore, type SessionOwnerPlatform } from './owner-core';
import { isStale, NO_PROVISIONAL, readPartial, settleLine, stepPartial, type Settlement } from './provisional-card';
import { semanticAddition, worthEmbedding } from './semantic-follow-up';

export type { OwnerState, SessionOwnerPlatform } from './owner-core';

/** A line's lexical match and what it showed, for the sentence model's second opinion. */
type LexicalReading = { match: QuestionMatch; reading: LiveReading | null; arrival: number };

/**
 * The line's cards for open panels: as 'provisional-settled' where the line settles its
 * utterance's provisional card (so a panel turns that card final in place, or marks it), else
 * as 'cards'. Earlier utterances that ended with no line are settled first.
 */
function publishCards(
  platform: SessionOwnerPlatform,
  line: TranscriptLine,
  shown: ShownCard[],
  settlements: readonly Settlement[],
) {
  const { sessionId } = line;
  for (const { startMs, outcome } of settlements)
    platform.publish({
      kind: 'provisional-settled',
      sessionId,
      startMs,
      outcome,
      cards: startMs === line.startMs ? shown : [],
    });
  if (shown.length && !settlements.some(({ startMs }) => startMs === line.startMs))
    platform.publish({ kind: 'cards', sessionId, cards: shown });
}

/** Reads one final line in the queue: records and publishes its cards, or its chips. */
async function readFinalLine(
  core: OwnerCore,
  platform: SessionOwnerPlatform,
  line: TranscriptLine,
): Promise<{ shown: ShownCard[]; lexical?: LexicalReading }> {
  const session = await core.session(line.sessionId);
  if (line.seq <= (session.readUpTo ?? -1)) return { shown: [] };
  session.readUpTo = line.seq;
  const arrival = core.arrive();
  session.recent = [...session.recent, line].slice(-WINDOW_LINES);
  const [index, threshold] = await Promise.all([platform.index(), platform.threshold()]);
  const current = session.current ? index.entry(session.current) : undefined;
  const { reading, match } = readLine(index, session.recent, current, { threshold });
  let shown: ShownCard[] = [];
  if (reading?.kind === 'card') {
    shown = cardsToShow(reading, line);
    session.current = shown[shown.length - 1]!.entryId;
  }
  // What is recorded does not depend on partials: the line's cards, as without them.
  const { state: provisional, settlements } = settleLine(session.provisional ?? NO_PROVISIONAL, line, shown);
  if (line.channel === 'interviewer') session.provisional = provisional;
  await core.commit(session, pendingCards(line.sessionId, shown));
  if (reading?.kind === 'near-miss')
    platform.publish({ kind: 'near-misses', sessionId: line.sessionId, offer: nearMissOffer(reading, line) });
  publishCards(platform, line, shown, settlements);
  return { shown, lexical: worthEmbedding(match) ? { match, reading, arrival } : undefined };
}

/** Reads one partial line in the queue: a provisional card, shown or replaced, or nothing. */
async function readPartialLine(
  core: OwnerCore,
  platform: SessionOwnerPlatform,
  partial: PartialLine,
): Promise<ShownCard | undefined> {
  if (partial.channel !== 'interviewer') return undefined;
  const session = await core.session(partial.sessionId);
  const provisional = session.provisional ?? NO_PROVISIONAL;
  // Checked in the queue, after every line that came before it: a partial of an utterance already read is stale.
  if (isStale(provisional, partial.startMs)) return undefined;
  const [index, threshold] = await Promise.all([platform.index(), platform.threshold()]);
  const current = session.current ? index.entry(session.current) : undefined;
  const reading = readPartial(index, session.recent, partial, current, { threshold }, Date.now());
  const { state, step } = stepPartial(provisional, partial.startMs, reading);
  if (step.kind === 'none') return undefined;
  // A sentence-model card for an earlier line must not take the screen from this one.
  core.arrive();
  session.provisional = state;
  await platform.saveState(session);
  platform.publish({
    kind: 'provisional-card',
    sessionId: partial.sessionId,
    startMs: partial.startMs,
    card: step.card,
    ...(step.replaces === undefined ? {} : { replaces: step.replaces }),
  });
  return step.card;
}

/**
 * The sentence model's second opinion on a line, outside the queue so the next line never
 * waits for it; published only if no newer line or choice came meanwhile. Any failure (no
 * model, a closed offscreen document) leaves the lexical reading as it was.
 */
async function addSemantic(
  core: OwnerCore,
  platform: SessionOwnerPlatform,
  line: TranscriptLine,
  lexical: LexicalReading,
): Promise<void> {
  const semantic = await platform.semantic?.();
  if (!semantic) return;
  const [index, query] = await Promise.all([semantic.index(), semantic.embed(lexical.match.questionText)]);
  const result = applySemanticStage(lexical.match, index, query);
  await core.serially(async () => {
    const state = core.now();
    if (lexical.arrival !== core.arrivals() || state?.sessionId !== line.sessionId) return;
    const addition = semanticAddition(result, lexical.reading, state.current, line);
    if (addition?.kind === 'near-misses')
      platform.publish({ kind: 'near-misses', sessionId: line.sessionId, offer: addition.offer });
    if (addition?.kind === 'alternatives')
      platform.publish({ kind: 'cards', sessionId: line.sessionId, cards: [addition.card] });
    if (addition?.kind === 'card') {
      state.current = addition.cards[addition.cards.length - 1]!.entryId;
      await core.commit(state, pendingCards(line.sessionId, addition.cards));
      platform.publish({ kind: 'cards', sessionId: line.sessionId, cards: addition.cards });
    }
  });
}

/**
 * The one owner of a live session's questions: each final transcript line is read
 * against the knowledge base once, wherever panels are (none, one or two), the cards
 * it brings are saved to the session record and published, and close calls become
 * chips. Partial lines of the interviewer's may show a provisional card before the
 * pause (lib/session/provisional-card.ts). Lines and partials are taken one at a time, in order.
 */
export function createSessionOwner(platform: SessionOwnerPlatform) {
  const core = createOwnerCore(platform);
  return {
    /** Reads one final line; returns the cards it showed (already recorded and published). */
    takeLine(line: TranscriptLine): Promise<ShownCard[]> {
      let lexical: LexicalReading | undefined;
      const taken = core.serially(async () => {
        const read = await readFinalLine(core, platform, line);
        lexical = read.lexical;
        return read.shown;
      });
      // The lexical cards are out first; the sentence model may only add to them afterwards.
      void taken.then(() => lexical && addSemantic(core, platform, line, lexical)).catch(() => undefined);
      return taken;
    },

    /** Reads one partial line; returns the provisional card it showed, if any (already published). */
    takePartial(partial: PartialLine): Promise<ShownCard | undefined> {
      return core.serially(() => readPartialLine(core, platform, partial));
    },

    /**
     * The user named the card (an alternative, a chip, a drill question) in one panel: record it,
     * read what follows against it, and tell every panel, so all show the same card.
     */
    choose(choice: { sessionId: string; card: ShownCard; replaces?: string }): Promise<void> {
      return core.serially(async () => {
        core.arrive();
        const session = await core.session(choice.sessionId);
        const { card } = choice;
        session.current = card.entryId;
        const { line, entryId, question, at } = card;
        await core.commit(session, [
          { card: { sessionId: choice.sessionId, line, entryId, question, at }, replaces: choice.replaces },
        ]);
        platform.publish({ kind: 'card-chosen', sessionId: choice.sessionId, card, replaces: choice.replaces });
      });
    },
  };
}

export type SessionOwner = ReturnType<typeof createSessionOwner>;
