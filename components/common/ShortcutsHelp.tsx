import { useEffect, useRef, type RefObject } from 'react';
import { ShortcutList } from './ShortcutList';

const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/**
 * The shortcuts in one dialog ("?"): focus moves to its Close button and stays inside (Tab
 * and Shift+Tab go round its controls), Esc or Close shuts it, and focus goes back to the
 * button that opens it (else to where it was).
 */
export function ShortcutsHelp({
  onClose,
  returnFocusTo,
}: {
  onClose: () => void;
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const returnTo = returnFocusTo?.current;
    close.current?.focus();
    // Esc closes it wherever focus is (a click elsewhere moves focus out of the dialog).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      (returnTo ?? previous)?.focus();
    };
  }, [onClose, returnFocusTo]);
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a modal dialog keeps Tab inside itself (WAI-ARIA dialog pattern)
    <div
      ref={dialog}
      className="shortcuts-help"
      role="dialog"
      aria-modal="true"
      aria-label="Keyboard shortcuts"
      onKeyDown={(event) => {
        if (event.key !== 'Tab' || !dialog.current) return;
        const inside = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
        const at = inside.indexOf(document.activeElement as HTMLElement);
        event.preventDefault();
        inside[(at + (event.shiftKey ? -1 : 1) + inside.length) % inside.length]?.focus();
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
