import { useEffect } from 'react';
import { asrSettingsFor } from '@/lib/asr/asr-settings';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import { chooseTargetTab, onSessionEvent, sendCommand } from '@/lib/platform/chrome-panel-adapter';
import { speak } from '@/lib/platform/speech-synthesis';
import { microphoneProblem } from '@/lib/drill/microphone-problem';
import { cardsOf, latestSession, linesOf, openSessionDb } from '@/lib/session/session-db';
import { createSessionStore, type ShownCard } from '@/lib/store/session-store';
import { cardsFromRecords } from '@/lib/store/session-cards';
import { useKnowledgeStore, usePracticeStore, useSettingsStore } from './stores';

export const useSessionStore = createSessionStore();
const STATUS_CHECK_MS = 5_000;
export const sessionDb = openSessionDb();

/**
 * Tells the session owner (in the background) which card the user picked, so it is kept
 * in the session record and follow-ups lean to it; no session, nothing to keep.
 */
function recordShown(sessionId: string | undefined, card: ShownCard, replaces?: string): void {
  if (!sessionId) return;
  void sendCommand({ type: 'session/choose', sessionId, card, replaces }).then((reply) => {
    if (!reply.ok) useSessionStore.getState().notify({ kind: 'error', text: reply.message });
  });
}

/** The line a card picked now belongs to: the latest one heard (-1 before the first). */
const latestLine = () => useSessionStore.getState().lines.at(-1)?.seq ?? -1;

/**
 * Wires the live session into the panel: runtime events (lines, and the cards and chips
 * the session owner publishes) into the store, Start and Stop. The panel reads no line
 * against the knowledge base itself: two panels never record a card twice.
 */
export function useLiveSession(): typeof liveActions {
  useEffect(() => {
    const unsubscribe = onSessionEvent((event) => useSessionStore.getState().apply(event));
    // Reopening the panel: show the running session, or the last one, from IndexedDB.
    void sendCommand({ type: 'session/status' }).then(async (reply) => {
      if (!reply.ok) {
        useSessionStore.getState().notify({ kind: 'error', text: reply.message });
        return;
      }
      useSessionStore.getState().setStatus(reply.status);
      const handle = await sessionDb;
      const sessionId = reply.status.state === 'idle' ? (await latestSession(handle))?.id : reply.status.sessionId;
      if (!sessionId) return;
      const questions = cardsFromRecords(await cardsOf(handle, sessionId));
      useSessionStore.getState().resume(sessionId, await linesOf(handle, sessionId), questions);
    });
    // While capturing or finishing, ask now and then: the background notices if the capture page died.
    const watchdog = setInterval(() => {
      const { status } = useSessionStore.getState();
      if (status !== 'capturing' && status !== 'stopping') return;
      void sendCommand({ type: 'session/status' }).then((reply) => {
        if (reply.ok && reply.status.state === 'idle') useSessionStore.getState().setStatus(reply.status);
      });
    }, STATUS_CHECK_MS);
    return () => {
      unsubscribe();
      clearInterval(watchdog);
    };
  }, []);

  return liveActions;
}

/**
 * Starts listening: to the interview tab, or for a drill to the microphone alone. A drill
 * without a microphone does not start; what went wrong is returned, for the drill to say.
 */
async function start(mode: 'interview' | 'drill' = 'interview'): Promise<string | undefined> {
  const store = useSessionStore.getState();
  // "Starting" shows at once, before the tab and microphone checks, and a second press meanwhile does nothing.
  if (!store.claimStart(mode)) return;
  const settings = useSettingsStore.getState();
  const tabId = mode === 'drill' ? null : await chooseTargetTab();
  if (tabId === undefined) {
    store.setStatus({ state: 'idle' });
    store.notify({
      kind: 'error',
      text: 'There is no tab to capture. Open your interview (Meet, Zoom on the web, a YouTube video) in a tab of this window, click the Cuecard toolbar button on that tab, then press Start.',
    });
    return;
  }
  let withMicrophone = mode === 'drill' || settings.captureMicrophone;
  if (withMicrophone) {
    // Ask here, where Chrome can show the prompt; the offscreen document cannot.
    try {
      const probe = await navigator.mediaDevices.getUserMedia({ audio: true });
      for (const track of probe.getTracks()) track.stop();
    } catch (error) {
      if (mode === 'drill') {
        store.setStatus({ state: 'idle' });
        return microphoneProblem(error);
      }
      withMicrophone = false;
      store.notify({ kind: 'info', text: 'Microphone access was not given, so only the tab is captured.' });
    }
  }
  const reply = await sendCommand({
    type: 'session/start',
    tabId,
    withMicrophone,
    asr: asrSettingsFor(settings.asrModel, settings.asrDevice, settings.vad),
  });
  if (reply.ok) store.setStatus(reply.status);
  else {
    store.setStatus({ state: 'idle' });
    store.notify({ kind: 'error', text: reply.message });
  }
}

async function stop() {
  // The second press of a double press on Start lands on Stop: until the background answers Start, it does nothing.
  if (useSessionStore.getState().awaitingStart) return;
  usePracticeStore.getState().endDrill();
  const before = useSessionStore.getState().status;
  useSessionStore.getState().setStopping();
  const reply = await sendCommand({ type: 'session/stop' });
  if (!reply.ok) {
    // Stop did not reach the capture: keep the session on screen, so Stop can be pressed again.
    useSessionStore.setState({ status: before });
    useSessionStore.getState().notify({ kind: 'error', text: reply.message });
  } else if (reply.status.state === 'idle') {
    // The session is already over (its capture page died): no "stopped" will follow.
    useSessionStore.getState().setStatus(reply.status);
  }
}

/**
 * Drill: reads a question aloud; its card stays hidden until the answer, heard on the
 * microphone (or typed, when there is none), is over.
 */
async function ask(entry: KnowledgeEntry) {
  const store = useSessionStore.getState();
  const withoutMicrophone = store.status === 'idle' ? await start('drill') : undefined;
  if (!withoutMicrophone && useSessionStore.getState().status === 'idle') return;
  usePracticeStore.getState().startQuestion(entry, Date.now(), withoutMicrophone);
  const { sessionId } = useSessionStore.getState();
  const hint = {
    line: latestLine(),
    entryId: entry.id,
    question: entry.question,
    confidence: 1,
    alternatives: [],
    heard: entry.question,
    at: Date.now(),
  };
  useSessionStore.getState().showCards([hint]);
  recordShown(sessionId, hint);
  await speak(entry.question);
}

/** The user says which question it was: show that card, keep it in the session record, learn the phrasing. */
function chooseAlternative(entryId: string, question: string) {
  const { card: hint, sessionId } = useSessionStore.getState();
  if (!hint) return;
  if (hint.heard) useKnowledgeStore.getState().learnPhrasing(entryId, hint.heard);
  const chosen = { ...hint, entryId, question, confidence: 1, alternatives: [] };
  useSessionStore.getState().showChosen(chosen, hint.entryId);
  recordShown(sessionId, chosen, hint.entryId);
}

/** The user says which near miss was asked: show its card, record it, learn the phrasing. */
function chooseNearMiss(entryId: string, question: string) {
  const { nearMisses, sessionId } = useSessionStore.getState();
  if (!nearMisses) return;
  if (nearMisses.heard) useKnowledgeStore.getState().learnPhrasing(entryId, nearMisses.heard);
  const hint = {
    line: nearMisses.line,
    entryId,
    question,
    confidence: 1,
    alternatives: [],
    heard: nearMisses.heard,
    at: Date.now(),
  };
  useSessionStore.getState().showCards([hint]);
  recordShown(sessionId, hint);
}

/** What the live view can do; plain functions over the stores, the same for every caller. */
export const liveActions = { start, stop, ask, chooseAlternative, chooseNearMiss };
