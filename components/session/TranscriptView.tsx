import type { Channel, TranscriptLine } from '@/lib/messaging/runtime-messages';

const SPEAKER: Record<Channel, string> = { interviewer: 'Interviewer', candidate: 'You' };

/** The live transcript, newest at the bottom, with who said what. */
export function TranscriptView({ lines, partials }: { lines: readonly TranscriptLine[]; partials: Partial<Record<Channel, string>> }) {
  const pending = (Object.entries(partials) as Array<[Channel, string | undefined]>).filter(([, text]) => text);
  if (lines.length === 0 && pending.length === 0) {
    return <p className="no-hint">The transcript appears here as people speak.</p>;
  }
  return (
    <ol className="transcript" aria-label="Transcript" aria-live="polite">
      {lines.map((line) => (
        <li key={line.seq} className={`transcript-line transcript-line--${line.channel}`}>
          <span className="speaker">{SPEAKER[line.channel]}</span> {line.text}
        </li>
      ))}
      {pending.map(([channel, text]) => (
        <li key={`partial-${channel}`} className={`transcript-line transcript-line--partial transcript-line--${channel}`}>
          <span className="speaker">{SPEAKER[channel]}</span> {text}…
        </li>
      ))}
    </ol>
  );
}
