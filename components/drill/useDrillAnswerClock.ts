import { useEffect, useState } from 'react';
import { answerFinished } from '@/lib/drill/practice-schedule';
import type { DrillQuestion } from '@/lib/drill/practice-store';

/** A clock for the drill countdown and its end: ticks once a second while a drill answer is under way. */
function useDrillClock(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the countdown starts from the time the answer begins, not the last render's
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * Times the answer to a drill question while its card is hidden (`answering`; null when
 * none is): the clock it returns ticks once a second, and `onFinished` is called once the
 * answer is over (a pause after the candidate spoke, or the timer ran out).
 */
export function useDrillAnswerClock(
  answering: DrillQuestion | null,
  lines: ReadonlyArray<{ channel: string; at: number }>,
  speaking: boolean,
  onFinished: () => void,
): number {
  const now = useDrillClock(answering !== null);
  useEffect(() => {
    if (!answering) return;
    const candidateTimes = lines.filter((line) => line.channel === 'candidate').map((line) => line.at);
    if (answerFinished(answering, candidateTimes, speaking, now)) onFinished();
  }, [answering, lines, speaking, now, onFinished]);
  return now;
}
