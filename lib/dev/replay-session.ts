import type { TranscriptLine } from '../messaging/runtime-messages';

const INTERVIEWER_LINES = [
  'okay thanks for that so moving on how would you handle class imbalance',
  'got it and how do you detect drift when labels arrive late',
  'interesting so walk me through how you would design a video recommendation system',
  'can you see my screen',
  'right and tell me about a time you disagreed with your manager',
  'mm okay',
];
const CANDIDATE_LINES = [
  'i would start with the metric and look at pr auc rather than accuracy',
  'then i would reweight the classes in the loss before trying to resample',
  'for drift i compare feature distributions against a reference window',
  'sure so the first thing is to clarify the objective and the surface',
];

/**
 * A long synthetic session, as the offscreen document would produce it: interviewer
 * and candidate taking turns every few seconds. For endurance checks of the panel's
 * live path and of storage and export.
 */
export function* replaySession(
  sessionId: string,
  hours: number,
  secondsPerLine = 4,
  startAt = 1_700_000_000_000,
): Generator<TranscriptLine> {
  const count = Math.floor((hours * 3600) / secondsPerLine);
  for (let seq = 0; seq < count; seq++) {
    const interviewer = seq % 3 === 0;
    // One interviewer line, then two candidate lines, turn after turn.
    const text = interviewer
      ? INTERVIEWER_LINES[(seq / 3) % INTERVIEWER_LINES.length]!
      : CANDIDATE_LINES[seq % CANDIDATE_LINES.length]!;
    const startMs = seq * secondsPerLine * 1000;
    yield {
      sessionId,
      seq,
      channel: interviewer ? 'interviewer' : 'candidate',
      text,
      startMs,
      endMs: startMs + (secondsPerLine - 1) * 1000,
      at: startAt + startMs + secondsPerLine * 1000,
    };
  }
}
