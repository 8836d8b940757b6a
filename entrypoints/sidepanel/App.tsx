import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { shortcutFor } from '@/lib/hints/panel-shortcuts';
import { useModelReadinessStore, usePracticeStore, useSettingsStore } from './stores';
import { liveActions, useLiveSession, useSessionStore } from './useLiveSession';
import { useInterviewAnswersKept } from './useInterviewAnswersKept';
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

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

/** Whether a key press is typing (a text box, text area, list box or editable text), not a command. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** The panel: the session's events wired once, the views, the theme and the keyboard. Each view selects its own state. */
export function App() {
  const [view, setView] = useState<ViewName>('live');
  const [helpOpen, setHelpOpen] = useState(false);
  const helpButton = useRef<HTMLButtonElement>(null);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  useLiveSession();
  useInterviewAnswersKept();
  const { entries } = useQuestionIndex();
  const theme = useSettingsStore((state) => state.theme);
  const fontScale = useSettingsStore((state) => state.fontScale);
  const asrModel = useSettingsStore((state) => state.asrModel);
  const asrDevice = useSettingsStore((state) => state.asrDevice);
  const modelLoaded = useSessionStore((state) => state.model.state === 'ready');

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.setProperty('--font-scale', String(fontScale));
  }, [theme, fontScale]);

  // Whether the chosen model is stored, again after a session loaded it (it is cached then).
  useEffect(() => {
    void useModelReadinessStore.getState().check(asrModel, asrDevice);
  }, [asrModel, asrDevice, modelLoaded]);

  // Bound once: the handler reads the stores when a key is pressed.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = isTextField(event.target);
      const action = shortcutFor({
        key: event.key,
        code: event.code,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        typing,
      });
      if (!action) return;
      event.preventDefault();
      const session = useSessionStore.getState();
      if (action.kind === 'help') setHelpOpen(true);
      else if (action.kind === 'previous-hint') session.stepHint(-1);
      else if (action.kind === 'next-hint') session.stepHint(1);
      else if (action.kind === 'verbosity') useSettingsStore.getState().setVerbosity(action.verbosity);
      else if (action.kind === 'reveal-card') usePracticeStore.getState().reveal();
      else
        void (session.status === 'capturing' || session.status === 'starting'
          ? liveActions.stop()
          : liveActions.start());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** Arrow keys, Home and End move between the views, as in any tab list; the chosen tab takes focus. */
  function onTabKey(event: ReactKeyboardEvent) {
    const position = NAMES.indexOf(view);
    const next = { ArrowRight: position + 1, ArrowLeft: position - 1, Home: 0, End: NAMES.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const name = NAMES[(next + NAMES.length) % NAMES.length]!;
    setView(name);
    document.getElementById(`tab-${name}`)?.focus();
  }

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
          onClick={() => setHelpOpen(true)}
        >
          ?
        </button>
        <p className="app-status" role="status">
          {countOf(entries.length, 'question')} ready, offline
        </p>
      </header>
      {helpOpen && <ShortcutsHelp onClose={closeHelp} returnFocusTo={helpButton} />}
      <nav className="tabs" role="tablist" aria-label="Views" onKeyDown={onTabKey}>
        {NAMES.map((name) => (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            aria-selected={view === name}
            aria-controls={`view-${name}`}
            tabIndex={view === name ? 0 : -1}
            onClick={() => setView(name)}
          >
            {VIEWS[name]}
          </button>
        ))}
      </nav>
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
