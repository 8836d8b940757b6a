import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useModelReadinessStore, usePracticeStore, useSettingsStore } from './stores';
import { useLiveSession, useSessionStore } from './useLiveSession';
import { useInterviewAnswersKept } from './useInterviewAnswersKept';
import { usePanelShortcuts } from './usePanelShortcuts';
import { useQuestionIndex } from './useQuestionIndex';
import { KnowledgeView } from './views/KnowledgeView';
import { LiveView } from './views/LiveView';
import { SessionsView } from './views/SessionsView';
import { SettingsView } from './views/SettingsView';
import { countOf } from '@/components/common/count-of';
import { ShortcutsHelp } from '@/components/common/ShortcutsHelp';

const VIEWS = { live: 'Live', knowledge: 'Knowledge', sessions: 'Sessions', settings: 'Settings' } as const;
type ViewName = keyof typeof VIEWS;
const NAMES = Object.keys(VIEWS) as ViewName[];

/** The theme and text size chosen in Settings, on the whole page. */
function useTheme() {
  const theme = useSettingsStore((state) => state.theme);
  const fontScale = useSettingsStore((state) => state.fontScale);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.setProperty('--font-scale', String(fontScale));
  }, [theme, fontScale]);
}

/** Whether the chosen model is stored, checked again after a session loaded it (it is cached then). */
function useModelReadinessCheck() {
  const asrModel = useSettingsStore((state) => state.asrModel);
  const asrDevice = useSettingsStore((state) => state.asrDevice);
  const modelLoaded = useSessionStore((state) => state.model.state === 'ready');
  useEffect(() => {
    void useModelReadinessStore.getState().check(asrModel, asrDevice);
  }, [asrModel, asrDevice, modelLoaded]);
}

/** The panel: the session's events wired once, the views, the theme and the keyboard. Each view selects its own state. */
export function App() {
  const [view, setView] = useState<ViewName>('live');
  const [helpOpen, setHelpOpen] = useState(false);
  const helpButton = useRef<HTMLButtonElement>(null);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  useLiveSession();
  useInterviewAnswersKept();
  useTheme();
  useModelReadinessCheck();
  usePanelShortcuts(openHelp);
  const { entries } = useQuestionIndex();

  return (
    <main className="app">
      <header className="app-header">
        <h1>
          <img className="app-icon" src="/icon.svg" alt="" width={20} height={20} /> Cuecard
        </h1>
        <button
          ref={helpButton}
          type="button"
          className="help-button"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={openHelp}
        >
          ?
        </button>
        <p className="app-status" role="status">
          {countOf(entries.length, 'question')} ready, offline
        </p>
      </header>
      {helpOpen && <ShortcutsHelp onClose={closeHelp} returnFocusTo={helpButton} />}
      <ViewTabs view={view} onView={setView} />
      <section role="tabpanel" id={`view-${view}`} aria-labelledby={`tab-${view}`}>
        {view === 'live' && <LiveView />}
        {view === 'knowledge' && <KnowledgeView />}
        {view === 'sessions' && (
          <SessionsView
            onDrill={(entryIds) => {
              usePracticeStore.getState().queueDrill(entryIds);
              setView('live');
            }}
          />
        )}
        {view === 'settings' && <SettingsView />}
      </section>
    </main>
  );
}

/** The views as a tab list: arrow keys, Home and End move between them, and the chosen tab takes focus. */
function ViewTabs({ view, onView }: { view: ViewName; onView: (view: ViewName) => void }) {
  function onTabKey(event: ReactKeyboardEvent) {
    const position = NAMES.indexOf(view);
    const next = { ArrowRight: position + 1, ArrowLeft: position - 1, Home: 0, End: NAMES.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const name = NAMES[(next + NAMES.length) % NAMES.length]!;
    onView(name);
    document.getElementById(`tab-${name}`)?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label="Views">
      {NAMES.map((name) => (
        <button
          key={name}
          id={`tab-${name}`}
          type="button"
          role="tab"
          aria-selected={view === name}
          aria-controls={`view-${name}`}
          tabIndex={view === name ? 0 : -1}
          onClick={() => onView(name)}
          onKeyDown={onTabKey}
        >
          {VIEWS[name]}
        </button>
      ))}
    </div>
  );
}
