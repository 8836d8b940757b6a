import { useEffect } from 'react';

/** "Removed X. Undo" for a few seconds after a destructive action; then the removal stands. */
export function UndoToast({
  text,
  onUndo,
  onDismiss,
  timeoutMs = 8_000,
}: {
  text: string;
  onUndo: () => void;
  onDismiss: () => void;
  timeoutMs?: number;
}) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(timer);
  }, [text, onDismiss, timeoutMs]);
  return (
    <div className="undo-toast" role="status">
      <span>{text}</span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
