import { useEffect } from 'react';
import { asrSettingsFor } from '@/lib/asr/asr-settings';
import type { QuestionIndex } from '@/lib/match/question-index';
import { chooseTargetTab, onSessionEvent, sendCommand } from '@/lib/platform/chrome-panel-adapter';
import { nextHint } from '@/lib/session/live-hints';
import { hintsOf, latestSession, linesOf, openSessionDb, recordHint } from '@/lib/session/session-db';
import { createSessionStore } from '@/lib/store/session-store';
import { useSettingsStore } from './stores';

export const useSessionStore = createSessionStore();
export const sessionDb = openSessionDb();

/** Wires the live session: runtime events into the store, hints from new lines, Start and Stop. */
export function useLiveSession(index: QuestionIndex) {
  useEffect(() => {
    const unsubscribe = onSessionEvent((event) => {
      const store = useSessionStore.getState();
      store.apply(event);
      if (event.kind !== 'line') return;
      const { lines, hint } = useSessionStore.getState();
      const match = nextHint(index, lines, hint?.entryId, { threshold: useSettingsStore.getState().matchThreshold });
      if (!match?.best) return;
      const shown = {
        entryId: match.best.entry.id,
        question: match.best.entry.question,
        confidence: match.confidence,
        alternatives: match.ambiguous ? match.candidates.slice(1) : [],
        heard: match.questionText,
        at: Date.now(),
      };
      store.showHint(shown);
      void sessionDb.then((handle) => recordHint(handle, { sessionId: event.line.sessionId, entryId: shown.entryId, question: shown.question, at: shown.at }));
    });
    // Reopening the panel: show the running session, or the last one, from IndexedDB.
    void sendCommand({ type: 'session/status' }).then(async (reply) => {
      if (!reply.ok) return;
      useSessionStore.getState().setStatus(reply.status);
      const handle = await sessionDb;
      const sessionId = reply.status.state === 'idle' ? (await latestSession(handle))?.id : reply.status.sessionId;
      if (!sessionId) return;
      const questions = (await hintsOf(handle, sessionId)).map((hint) => ({ ...hint, confidence: 1, alternatives: [], heard: '' }));
      useSessionStore.getState().resume(sessionId, await linesOf(handle, sessionId), questions);
    });
    return unsubscribe;
  }, [index]);

  async function start() {
    const store = useSessionStore.getState();
    const settings = useSettingsStore.getState();
    const tabId = await chooseTargetTab();
    if (tabId === undefined) {
      store.notify({ kind: 'error', text: 'There is no tab to capture. Open the interview tab, then press Start.' });
      return;
    }
    let withMicrophone = settings.captureMicrophone;
    if (withMicrophone) {
      // Ask here, where Chrome can show the prompt; the offscreen document cannot.
      try {
        const probe = await navigator.mediaDevices.getUserMedia({ audio: true });
        for (const track of probe.getTracks()) track.stop();
      } catch {
        withMicrophone = false;
        store.notify({ kind: 'info', text: 'Microphone access was not given, so only the tab is captured.' });
      }
    }
    useSessionStore.setState({ status: 'starting', notice: undefined });
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
    useSessionStore.getState().setStopping();
    const reply = await sendCommand({ type: 'session/stop' });
    if (!reply.ok) useSessionStore.getState().notify({ kind: 'error', text: reply.message });
  }

  return { start, stop };
}
