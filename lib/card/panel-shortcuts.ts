import type { Verbosity } from './build-card';

export type ShortcutAction =
  | { kind: 'previous-card' }
  | { kind: 'next-card' }
  | { kind: 'verbosity'; verbosity: Verbosity }
  | { kind: 'toggle-capture' }
  | { kind: 'reveal-card' }
  | { kind: 'help' };

/** The panel's keyboard shortcuts, listed for the help text. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; does: string }> = [
  { keys: 'Alt+←  /  Alt+→', does: 'previous / next question of this session' },
  { keys: 'Alt+1  /  Alt+2  /  Alt+3', does: 'glance / standard / detailed' },
  { keys: 'Alt+S', does: 'start or stop listening' },
  { keys: 'Alt+R', does: 'drill: show the card now (I have finished answering)' },
  { keys: '←  /  →', does: 'on the view tabs: move between Live, Knowledge, Sessions and Settings' },
  { keys: '?', does: 'this list (Esc closes it)' },
];

const VERBOSITY_KEYS: Record<string, Verbosity> = { '1': 'glance', '2': 'standard', '3': 'detailed' };

/**
 * The action for a key press, or null. Alt-based (and "?" only outside text fields) so
 * typing is never taken over; Ctrl and Meta combinations are left to the browser.
 */
export function shortcutFor(event: {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** The key went to a text field: "?" is typed there, not a shortcut. */
  typing?: boolean;
}): ShortcutAction | null {
  if (event.key === '?' && !event.typing && !event.altKey && !event.ctrlKey && !event.metaKey) return { kind: 'help' };
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  // On some layouts Alt changes event.key; the physical key is in event.code.
  const key = event.code?.startsWith('Digit')
    ? event.code.slice(5)
    : event.code === 'KeyS'
      ? 's'
      : event.code === 'KeyR'
        ? 'r'
        : event.key.toLowerCase();
  if (key === 'arrowleft') return { kind: 'previous-card' };
  if (key === 'arrowright') return { kind: 'next-card' };
  if (key === 's') return { kind: 'toggle-capture' };
  if (key === 'r') return { kind: 'reveal-card' };
  const verbosity = Object.hasOwn(VERBOSITY_KEYS, key) ? VERBOSITY_KEYS[key] : undefined;
  return verbosity ? { kind: 'verbosity', verbosity } : null;
}
