import { useEffect, useRef } from 'react';
import { ShortcutList } from './ShortcutList';

/**
 * The shortcuts in one popover ("?"): focus moves to its Close button, Esc or Close shuts
 * it, and focus goes back to where it was.
 */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div
      className="shortcuts-help"
      role="dialog"
      aria-modal="true"
      aria-label="Keyboard shortcuts"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <h2>Keyboard shortcuts</h2>
      <ShortcutList />
      <button type="button" ref={close} onClick={onClose}>
        Close
      </button>
    </div>
  );
}
