import { describe, expect, it } from 'vitest';
import type { SessionEvent, ShownCard, TranscriptLine } from '@/lib/messaging/runtime-messages';
import { createSessionStore } from '@/lib/store/session-store';

const line = (sessionId: string, seq: number): TranscriptLine => ({
  sessionId,
  seq,
  channel: 'interviewer',
  text: `line ${seq}`,
  startMs: 0,
  endMs: 1,
  at: 0,
});

describe('session store', () => {
  it('starts a new session with an empty view, but keeps the view of the same session', () => {
    const store = createSessionStore();
    store.getState().apply({ kind: 'capturing', sessionId: 'a', withMicrophone: false });
    store.getState().apply({ kind: 'line', line: line('a', 0) });
    store.getState().setStatus({ state: 'capturing', sessionId: 'a', tabId: 1, startedAt: 0 });
    expect(store.getState().lines).toHaveLength(1);

    store.getState().apply({ kind: 'stopped', reason: 'user' });
    store.getState().setStatus({ state: 'starting', sessionId: 'b', tabId: 1, startedAt: 0 });
    expect(store.getState().lines).toEqual([]);
    store.getState().apply({ kind: 'capturing', sessionId: 'b', withMicrophone: false });
    store.getState().apply({ kind: 'line', line: line('b', 0) });
    expect(store.getState().lines.map((known) => known.sessionId)).toEqual(['b']);
  });

  it('stays "capturing" when the reply to Start arrives after the capture began', () => {
    const store = createSessionStore();
    store.getState().apply({ kind: 'capturing', sessionId: 'a', withMicrophone: false });
    store.getState().setStatus({ state: 'starting', sessionId: 'a', tabId: 1, startedAt: 0 });
    expect(store.getState().status).toBe('capturing');
  });

  it('follows the session the capture page reports, not a late Start reply naming another', () => {
    const store = createSessionStore();
    store.getState().apply({ kind: 'capturing', sessionId: 'session-1', withMicrophone: false });
    store.getState().apply({ kind: 'line', line: line('session-1', 0) });
    store.getState().setStatus({ state: 'starting', sessionId: 'session-2', tabId: 1, startedAt: 0 });
    store.getState().apply({ kind: 'line', line: line('session-1', 1) });

    expect(store.getState()).toMatchObject({ status: 'capturing', sessionId: 'session-1' });
    expect(store.getState().lines.map((known) => known.seq)).toEqual([0, 1]);
  });

  it('claims Start once: a second press while starting changes nothing', () => {
    const store = createSessionStore();
    expect(store.getState().claimStart('drill')).toBe(true);
    expect(store.getState()).toMatchObject({ status: 'starting', awaitingStart: true, mode: 'drill' });
    expect(store.getState().claimStart('interview')).toBe(false);
    expect(store.getState()).toMatchObject({ status: 'starting', awaitingStart: true, mode: 'drill' });
    // The background's answer settles the press.
    store.getState().setStatus({ state: 'starting', sessionId: 'a', tabId: 1, startedAt: 0 });
    expect(store.getState()).toMatchObject({ status: 'starting', awaitingStart: false, sessionId: 'a' });
  });

  it('ignores a line twice over and lines of another session', () => {
    const store = createSessionStore();
    store.getState().apply({ kind: 'capturing', sessionId: 'a', withMicrophone: false });
    store.getState().apply({ kind: 'line', line: line('a', 0) });
    store.getState().apply({ kind: 'line', line: line('a', 0) });
    store.getState().apply({ kind: 'line', line: line('z', 1) });
    expect(store.getState().lines).toHaveLength(1);
  });

  it('replaces the partial of a channel with its final line', () => {
    const store = createSessionStore();
    store.getState().apply({ kind: 'capturing', sessionId: 'a', withMicrophone: false });
    store
      .getState()
      .apply({ kind: 'partial', sessionId: 'a', channel: 'interviewer', text: 'how would', startMs: 0, endMs: 1_000 });
    expect(store.getState().partials.interviewer).toBe('how would');
    store.getState().apply({ kind: 'line', line: line('a', 0) });
    expect(store.getState().partials.interviewer).toBeUndefined();
  });

  it('says why a session ended when the tab was closed', () => {
    const store = createSessionStore();
    store.getState().apply({ kind: 'capturing', sessionId: 'a', withMicrophone: false });
    store.getState().apply({ kind: 'stopped', reason: 'tab-ended' });
    expect(store.getState()).toMatchObject({
      status: 'idle',
      notice: { kind: 'info', text: expect.stringMatching(/tab was closed/) },
    });
  });

  it('tracks the model download', () => {
    const store = createSessionStore();
    store.getState().apply({ kind: 'model-progress', file: 'onnx/encoder_model_quantized.onnx', loaded: 5, total: 10 });
    expect(store.getState().model).toEqual({
      state: 'loading',
      loaded: 5,
      total: 10,
      file: 'onnx/encoder_model_quantized.onnx',
    });
    store.getState().apply({ kind: 'model-ready', device: 'wasm', loadMs: 10 });
    expect(store.getState().model.state).toBe('ready');
  });
});

describe('session store: questions of the session', () => {
  const hint = (at: number, entryId = `e${at}`) => ({
    line: at,
    entryId,
    question: `Q${at}?`,
    confidence: 0.6,
    alternatives: [],
    heard: `heard ${at}`,
    at,
  });

  it('steps back and forth through the questions, stopping at the ends', () => {
    const store = createSessionStore();
    for (const at of [1, 2, 3]) store.getState().showCards([hint(at)]);
    store.getState().stepCard(-1);
    expect(store.getState().card?.at).toBe(2);
    store.getState().stepCard(-1);
    store.getState().stepCard(-1);
    expect(store.getState().card?.at).toBe(1);
    store.getState().stepCard(1);
    store.getState().stepCard(1);
    store.getState().stepCard(1);
    expect(store.getState().card?.at).toBe(3);
    store.getState().pickCard(1);
    expect(store.getState().card?.at).toBe(1);
  });

  it('replaces a close call with the alternative the user picked, in the history too', () => {
    const store = createSessionStore();
    store.getState().showCards([hint(1)]);
    store
      .getState()
      .showChosen(
        { ...hint(1), entryId: 'other', question: 'The other question?', confidence: 1, alternatives: [] },
        'e1',
      );
    expect(store.getState().card).toMatchObject({
      line: 1,
      entryId: 'other',
      question: 'The other question?',
      confidence: 1,
      alternatives: [],
      heard: 'heard 1',
    });
    expect(store.getState().questions.map((question) => question.entryId)).toEqual(['other']);
  });

  it('shows the last of several questions asked together and keeps all of them, in order', () => {
    const store = createSessionStore();
    store.getState().showCards([hint(1), hint(2)]);
    expect(store.getState().card?.at).toBe(2);
    expect(store.getState().questions.map((question) => question.at)).toEqual([1, 2]);
    store.getState().showCards([]);
    expect(store.getState().card?.at).toBe(2);
  });

  it('holds chips for a close call until a card is shown', () => {
    const store = createSessionStore();
    const offer = { line: 0, entries: [{ entryId: 'a', question: 'A?' }], heard: 'something like a', at: 1 };
    store.getState().offerNearMisses(offer);
    expect(store.getState().nearMisses).toEqual(offer);
    store.getState().showCards([hint(2)]);
    expect(store.getState().nearMisses).toBeUndefined();
  });
});

describe('provisional cards: the card before the pause', () => {
  const card = (entryId: string, line = -1, at = 100): ShownCard => ({
    line,
    entryId,
    question: `${entryId}?`,
    confidence: 0.8,
    alternatives: [],
    heard: entryId,
    at,
  });
  const capturing = () => {
    const store = createSessionStore();
    store.getState().apply({ kind: 'capturing', sessionId: 's', withMicrophone: false });
    return store;
  };
  const provisional = (entryId: string, replaces?: string, startMs = 1_000, at = 100): SessionEvent => ({
    kind: 'provisional-card',
    sessionId: 's',
    startMs,
    card: card(entryId, -1, at),
    ...(replaces ? { replaces } : {}),
  });
  const settled = (outcome: ProvisionalOutcome, cards: ShownCard[], startMs = 1_000): SessionEvent => ({
    kind: 'provisional-settled',
    sessionId: 's',
    startMs,
    outcome,
    cards,
  });
  const listed = (store: ReturnType<typeof createSessionStore>) =>
    store
      .getState()
      .questions.map((question) => `${question.entryId}@${question.line} ${question.provisional?.state ?? 'final'}`);
  type ProvisionalOutcome = Extract<SessionEvent, { kind: 'provisional-settled' }>['outcome'];

  it('shows at once, marked as listening, and leaves the chips as they are', () => {
    const store = capturing();
    const offer = { line: 0, entries: [{ entryId: 'x', question: 'X?' }], heard: 'x', at: 4 };
    store.getState().apply({ kind: 'near-misses', sessionId: 's', offer });
    store.getState().apply(provisional('a'));
    expect(store.getState().card).toMatchObject({ entryId: 'a', provisional: { startMs: 1_000, state: 'listening' } });
    expect(store.getState().nearMisses).toEqual(offer);
    // Delivered twice, or another session's: nothing changes.
    store.getState().apply(provisional('a'));
    store.getState().apply({ ...provisional('z'), sessionId: 'other' } as SessionEvent);
    expect(listed(store)).toEqual(['a@-1 listening']);
  });

  it('a replacement keeps the replaced card in the list, marked replaced', () => {
    const store = capturing();
    store.getState().apply(provisional('a'));
    store.getState().apply(provisional('b', 'a', 1_000, 200));
    expect(listed(store)).toEqual(['a@-1 replaced', 'b@-1 listening']);
    expect(store.getState().card?.entryId).toBe('b');
  });

  it('the final line confirms the card in place: the same position and entry, now the line’s card, not provisional', () => {
    const store = capturing();
    store.getState().apply({ kind: 'cards', sessionId: 's', cards: [card('earlier', 0, 50)] });
    store.getState().apply(provisional('a'));
    const final = card('a', 3, 300);
    store.getState().apply(settled('confirmed', [card('first-of-turn', 3, 299), final]));
    expect(listed(store)).toEqual(['earlier@0 final', 'first-of-turn@3 final', 'a@3 final']);
    expect(store.getState().card).toEqual(final);
    // The record read back on reopening holds the same card: listed once.
    store.getState().resume('s', [], [card('earlier', 0, 50), card('first-of-turn', 3, 299), final]);
    expect(listed(store)).toEqual(['earlier@0 final', 'first-of-turn@3 final', 'a@3 final']);
  });

  it("a final line that reads another question replaces the card: both listed, the line's card shown", () => {
    const store = capturing();
    store.getState().apply(provisional('a'));
    store.getState().apply(settled('replaced', [card('b', 3, 300)]));
    expect(listed(store)).toEqual(['a@-1 replaced', 'b@3 final']);
    expect(store.getState().card?.entryId).toBe('b');
  });

  it("after its one change, a third question on the final line joins the list without taking the card's place", () => {
    const store = capturing();
    store.getState().apply(provisional('a'));
    store.getState().apply(provisional('b', 'a', 1_000, 200));
    store.getState().apply(settled('kept', [card('c', 3, 300)]));
    expect(listed(store)).toEqual(['a@-1 replaced', 'b@-1 not-confirmed', 'c@3 final']);
    expect(store.getState().card).toMatchObject({ entryId: 'b', provisional: { state: 'not-confirmed' } });
  });

  it('a final line that reads nothing confident leaves the card on screen, not confirmed', () => {
    const store = capturing();
    store.getState().apply(provisional('a'));
    store.getState().apply(settled('not-confirmed', []));
    expect(listed(store)).toEqual(['a@-1 not-confirmed']);
    expect(store.getState().card?.provisional?.state).toBe('not-confirmed');
  });

  it('a card still listening when the session stops is not confirmed; a late line may still confirm it', () => {
    const store = capturing();
    store.getState().apply(provisional('a'));
    store.getState().apply({ kind: 'stopped', reason: 'user' });
    expect(store.getState().card?.provisional?.state).toBe('not-confirmed');
    store.getState().apply(settled('confirmed', [card('a', 3, 300)]));
    expect(listed(store)).toEqual(['a@3 final']);
  });

  it('a panel opened after the provisional card shows the line’s cards as any line’s', () => {
    const store = capturing();
    store.getState().apply(settled('confirmed', [card('a', 3, 300)]));
    store.getState().apply(settled('not-confirmed', [], 9_000));
    expect(listed(store)).toEqual(['a@3 final']);
    expect(store.getState().card?.entryId).toBe('a');
  });
});
