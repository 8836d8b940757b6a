/**
 * Lines Whisper is known to invent on near-silence or noise ("Thank you.", "Thanks for
 * watching!"); the VAD keeps silence out, this catches what slips through.
 */
const KNOWN_INVENTIONS = new Set([
  'thank you',
  'thanks for watching',
  'thank you for watching',
  'thanks for watching and see you next time',
  'please subscribe',
  'subscribe to my channel',
  'you',
  'bye',
  'so',
  'okay',
  'music',
  'applause',
  'silence',
  'blank audio',
  'no speech',
]);

/** The text to keep from a transcription, or null when it is empty or a known invention. */
export function cleanTranscript(text: string): string | null {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const key = trimmed
    .toLowerCase()
    .replace(/[[\]()*♪.!?,]/g, '')
    .replace(/_/g, ' ')
    .trim();
  if (!key || KNOWN_INVENTIONS.has(key)) return null;
  // A short phrase repeated over and over is a decoding loop, not speech.
  if (/^(.{2,30}?)(?:\s*\1){3,}$/i.test(key)) return null;
  return trimmed;
}
