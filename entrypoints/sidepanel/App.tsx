import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { HintCardView } from '@/components/hints/HintCardView';
import { VerbosityPicker } from '@/components/hints/VerbosityPicker';
import { PackManager } from '@/components/knowledge/PackManager';
import { SessionControls } from '@/components/session/SessionControls';
import { TranscriptView } from '@/components/session/TranscriptView';
import { RecognitionSettings } from '@/components/settings/RecognitionSettings';
import { TryoutPanel } from '@/components/tryout/TryoutPanel';
import { buildHintCard } from '@/lib/hints/build-hint-card';
import { createQuestionIndex } from '@/lib/match/question-index';
import { allEntries, selectUserPacks } from '@/lib/store/knowledge-store';
import { selectMatchThreshold, selectVerbosity } from '@/lib/store/settings-store';
import { SHIPPED_PACKS, useKnowledgeStore, useSettingsStore } from './stores';
import { useLiveSession, useSessionStore } from './useLiveSession';

export function App() {
  const verbosity = useSettingsStore(selectVerbosity);
  const threshold = useSettingsStore(selectMatchThreshold);
  const settings = useSettingsStore(
    useShallow((state) => ({
      asrModel: state.asrModel,
      asrDevice: state.asrDevice,
      captureMicrophone: state.captureMicrophone,
      vad: state.vad,
      setVad: state.setVad,
      setVerbosity: state.setVerbosity,
      setAsrModel: state.setAsrModel,
      setAsrDevice: state.setAsrDevice,
      setCaptureMicrophone: state.setCaptureMicrophone,
    })),
  );
  const userPacks = useKnowledgeStore(selectUserPacks);
  const importPackFile = useKnowledgeStore((state) => state.importPackFile);
  const removePack = useKnowledgeStore((state) => state.removePack);
  const entries = useMemo(() => allEntries(SHIPPED_PACKS, userPacks), [userPacks]);
  const index = useMemo(() => createQuestionIndex(entries), [entries]);
  const entriesById = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);

  const session = useSessionStore(
    useShallow((state) => ({ status: state.status, model: state.model, notice: state.notice, lines: state.lines, partials: state.partials, hint: state.hint })),
  );
  const { start, stop } = useLiveSession(index);
  const hintEntry = session.hint && entriesById.get(session.hint.entryId);

  return (
    <main className="app">
      <header className="app-header">
        <h1>Cuecard</h1>
        <p className="app-status" role="status">
          {entries.length} questions ready, offline
        </p>
      </header>
      <SessionControls status={session.status} model={session.model} notice={session.notice} onStart={() => void start()} onStop={() => void stop()} />
      <VerbosityPicker value={verbosity} onChange={settings.setVerbosity} />
      {hintEntry && <HintCardView card={buildHintCard(hintEntry, verbosity)} confidence={session.hint?.confidence} />}
      <TranscriptView lines={session.lines} partials={session.partials} />
      <details>
        <summary>Try a question by typing it</summary>
        <TryoutPanel index={index} verbosity={verbosity} threshold={threshold} />
      </details>
      <details>
        <summary>Settings</summary>
        <RecognitionSettings
          model={settings.asrModel}
          device={settings.asrDevice}
          captureMicrophone={settings.captureMicrophone}
          vad={settings.vad}
          onVad={settings.setVad}
          onModel={settings.setAsrModel}
          onDevice={settings.setAsrDevice}
          onCaptureMicrophone={settings.setCaptureMicrophone}
        />
      </details>
      <PackManager shippedPacks={SHIPPED_PACKS} userPacks={userPacks} onImport={importPackFile} onRemove={removePack} />
    </main>
  );
}
