import type { Channel, TranscriptLine } from '@/lib/messaging/runtime-messages';

const SPEAKER: Record<Channel, string> = { interviewer: 'Interviewer', candidate: 'You' };

/**
 * The live transcript, newest at the bottom, with who said what. Someone speaking shows
 * at once: with the words so far where partial text is on, as "speaking" where it is not.
 */
export function TranscriptView({
  lines,
  partials,
  speaking = {},
}: {
  lines: readonly TranscriptLine[];
  partials: Partial<Record<Channel, string>>;
  speaking?: Partial<Record<Channel, boolean>>;
}) {
  const pending = (['interviewer', 'candidate'] as const)
    .filter((channel) => partials[channel] || speaking[channel])
    .map((channel) => [channel, partials[channel]] as const);
  if (lines.length === 0 && pending.length === 0) {
    return <p className="no-card">The transcript appears here as people speak.</p>;
  }
  return (
    <ol className="transcript" aria-label="Transcript" aria-live="polite">
      {lines.map((line) => (
        <li key={line.seq} className={`transcript-line transcript-line--${line.channel}`}>
          <span className="speaker">{SPEAKER[line.channel]}</span> {line.text}
        </li>
      ))}
      {pending.map(([channel, text]) => (
        <li
          key={`partial-${channel}`}
          className={`transcript-line transcript-line--partial transcript-line--${channel}`}
        >
          <span className="speaker">{SPEAKER[channel]}</span> {text ? `${text}…` : <em>speaking…</em>}
        </li>
      ))}
    </ol>
  );
}
