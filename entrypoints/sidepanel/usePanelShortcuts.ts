import { useEffect } from 'react';
import { shortcutFor } from '@/lib/card/panel-shortcuts';
import { usePracticeStore, useSettingsStore } from './stores';
import { liveActions, useSessionStore } from './useLiveSession';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

/** Whether a key press is typing (a text box, text area, list box or editable text), not a command. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** The panel's keyboard shortcuts (lib/card/panel-shortcuts), bound once: the handler reads the stores when a key is pressed. */
export function usePanelShortcuts(openHelp: () => void) {
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
      if (action.kind === 'help') openHelp();
      else if (action.kind === 'previous-card') session.stepCard(-1);
      else if (action.kind === 'next-card') session.stepCard(1);
      else if (action.kind === 'verbosity') useSettingsStore.getState().setVerbosity(action.verbosity);
      else if (action.kind === 'reveal-card') usePracticeStore.getState().reveal();
      else
        void (session.status === 'capturing' || session.status === 'starting'
          ? liveActions.stop()
          : liveActions.start());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openHelp]);
}
