import type { Notice } from '@/lib/store/session-store';

/** A result line: errors are announced at once (role "alert"), other news politely ("status"). */
export function MessageLine({ message }: { message: Notice | null | undefined }) {
  if (!message) return null;
  return (
    <p role={message.kind === 'error' ? 'alert' : 'status'} className={`message message--${message.kind}`}>
      {message.text}
    </p>
  );
}
