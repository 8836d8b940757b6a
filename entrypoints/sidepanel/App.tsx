import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { HintAlternatives } from '@/components/hints/HintAlternatives';
import { NearMissChips } from '@/components/hints/NearMissChips';
import { HintCardView } from '@/components/hints/HintCardView';
import { VerbosityPicker } from '@/components/hints/VerbosityPicker';
import { KnowledgeBrowser } from '@/components/knowledge/KnowledgeBrowser';
import { PackManager } from '@/components/knowledge/PackManager';
import { WebImport } from '@/components/knowledge/WebImport';
import { SessionControls } from '@/components/session/SessionControls';
import { DrillControls } from '@/components/session/DrillControls';
import { QuestionHistory } from '@/components/session/QuestionHistory';
import { SessionHistory } from '@/components/session/SessionHistory';
import { DisplaySettings } from '@/components/settings/DisplaySettings';
import { TranscriptView } from '@/components/session/TranscriptView';
import { RecognitionSettings } from '@/components/settings/RecognitionSettings';
import { TryoutPanel } from '@/components/tryout/TryoutPanel';
import { buildHintCard } from '@/lib/hints/build-hint-card';
import { shortcutFor } from '@/lib/hints/panel-shortcuts';
import { answerCoverage, answerLines } from '@/lib/session/answer-coverage';
import { createQuestionIndex } from '@/lib/match/question-index';
import { readTargetPage } from '@/lib/platform/chrome-panel-adapter';
import { activePacks, selectDisabledPackIds, selectLearnedPhrasings, selectUserPacks, withLearnedPhrasings } from '@/lib/store/knowledge-store';
import { selectMatchThreshold, selectVerbosity } from '@/lib/store/settings-store';
import { SHIPPED_PACKS, useKnowledgeStore, useSettingsStore } from './stores';
import { sessionDb, useLiveSession, useSessionStore } from './useLiveSession';

const VIEWS = { live: 'Live', knowledge: 'Knowledge', sessions: 'Sessions', settings: 'Settings' } as const;
type ViewName = keyof typeof VIEWS;

export function App() {
  const [view, setView] = useState<ViewName>('live');
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
      theme: state.theme,
      fontScale: state.fontScale,
      setTheme: state.setTheme,
      setFontScale: state.setFontScale,
      setMatchThreshold: state.setMatchThreshold,
    })),
  );
  const userPacks = useKnowledgeStore(selectUserPacks);
  const disabledPackIds = useKnowledgeStore(selectDisabledPackIds);
  const learnedPhrasings = useKnowledgeStore(selectLearnedPhrasings);
  const knowledge = useKnowledgeStore(
    useShallow((state) => ({
      importPackFile: state.importPackFile,
      removePack: state.removePack,
      togglePack: state.togglePack,
      saveEntry: state.saveEntry,
      addUserPack: state.addUserPack,
      deleteEntry: state.deleteEntry,
    })),
  );
  const packs = useMemo(() => activePacks(SHIPPED_PACKS, userPacks, disabledPackIds), [userPacks, disabledPackIds]);
  const entries = useMemo(() => withLearnedPhrasings(packs.flatMap((pack) => pack.entries), learnedPhrasings), [packs, learnedPhrasings]);
  const ownEntryIds = useMemo(() => new Set(userPacks.flatMap((pack) => pack.entries.map((entry) => entry.id))), [userPacks]);
  const aliases = useMemo(() => packs.flatMap((pack) => pack.aliases ?? []), [packs]);
  const index = useMemo(() => createQuestionIndex(entries, { ownEntryIds, aliases }), [entries, ownEntryIds, aliases]);
  const entriesById = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);
  const editablePackIds = useMemo(() => new Set(userPacks.map((pack) => pack.id)), [userPacks]);

  const session = useSessionStore(
    useShallow((state) => ({
      status: state.status,
      model: state.model,
      notice: state.notice,
      lines: state.lines,
      partials: state.partials,
      hint: state.hint,
      nearMisses: state.nearMisses,
      questions: state.questions,
      stepHint: state.stepHint,
      pickHint: state.pickHint,
    })),
  );
  const { start, stop, ask, chooseAlternative, chooseNearMiss } = useLiveSession();
  const categories = useMemo(() => [...new Set(entries.map((entry) => entry.category))].sort(), [entries]);
  const hintEntry = session.hint && entriesById.get(session.hint.entryId);
  const running = session.status === 'capturing' || session.status === 'starting';
  const coverage = useMemo(() => {
    if (!hintEntry || !session.hint) return undefined;
    const next = session.questions.find((question) => question.at > session.hint!.at);
    const answer = answerLines(session.lines, session.hint.at, next?.at);
    return answer.length ? answerCoverage(hintEntry, answer, index.aliases).map((point) => point.covered) : undefined;
  }, [hintEntry, session.hint, session.questions, session.lines, index]);

  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
    document.documentElement.style.setProperty('--font-scale', String(settings.fontScale));
  }, [settings.theme, settings.fontScale]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'previous-hint') session.stepHint(-1);
      else if (action.kind === 'next-hint') session.stepHint(1);
      else if (action.kind === 'verbosity') settings.setVerbosity(action.verbosity);
      else void (running ? stop() : start());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, settings, running, start, stop]);


  return (
    <main className="app">
      <header className="app-header">
        <h1>Cuecard</h1>
        <p className="app-status" role="status">
          {entries.length} questions ready, offline
        </p>
      </header>
      <nav className="tabs" aria-label="Views">
        {(Object.keys(VIEWS) as ViewName[]).map((name) => (
          <button key={name} type="button" aria-current={view === name ? 'page' : undefined} onClick={() => setView(name)}>
            {VIEWS[name]}
          </button>
        ))}
      </nav>
      {view === 'live' && (
        <>
          <SessionControls status={session.status} model={session.model} notice={session.notice} onStart={() => void start()} onStop={() => void stop()} />
          <VerbosityPicker value={verbosity} onChange={settings.setVerbosity} />
          <NearMissChips offer={session.nearMisses} onChoose={chooseNearMiss} />
          {hintEntry && <HintCardView card={buildHintCard(hintEntry, verbosity)} confidence={session.hint?.confidence} covered={coverage} />}
          {session.hint && <HintAlternatives alternatives={session.hint.alternatives} onChoose={chooseAlternative} />}
          <QuestionHistory questions={session.questions} current={session.hint?.at} onPick={session.pickHint} />
          <TranscriptView lines={session.lines} partials={session.partials} />
          <DrillControls entries={entries} categories={categories} onAsk={(entry) => void ask(entry)} />
          <details>
            <summary>Try a question by typing it</summary>
            <TryoutPanel index={index} verbosity={verbosity} threshold={threshold} />
          </details>
        </>
      )}
      {view === 'knowledge' && (
        <>
          <WebImport index={index} readCurrentPage={readTargetPage} onSave={knowledge.addUserPack} />
          <KnowledgeBrowser packs={packs} editablePackIds={editablePackIds} onSave={knowledge.saveEntry} onDelete={knowledge.deleteEntry} />
          <PackManager
            shippedPacks={SHIPPED_PACKS}
            userPacks={userPacks}
            disabledPackIds={disabledPackIds}
            onImport={knowledge.importPackFile}
            index={index}
            onSaveImported={knowledge.addUserPack}
            onRemove={knowledge.removePack}
            onToggle={knowledge.togglePack}
          />
        </>
      )}
      {view === 'sessions' && <SessionHistory db={sessionDb} entryById={(id) => entriesById.get(id)} aliases={index.aliases} />}
      {view === 'settings' && (
        <>
          <DisplaySettings
            theme={settings.theme}
            fontScale={settings.fontScale}
            matchThreshold={threshold}
            onTheme={settings.setTheme}
            onFontScale={settings.setFontScale}
            onMatchThreshold={settings.setMatchThreshold}
          />
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
        </>
      )}
    </main>
  );
}
