import { useEffect, useRef } from 'react';
import { sessionFeedback } from '@/lib/review/answer-feedback';
import { usePracticeStore } from './stores';
import { useSessionStore } from './useLiveSession';
import { useQuestionIndex } from './useQuestionIndex';

/**
 * When a session with answers on the microphone ends, each answered question joins the
 * practice history (rated by its coverage), so mock interviews count in the schedule and
 * the progress chart as drills do.
 */
export function useInterviewAnswersKept() {
  const { entriesById, index } = useQuestionIndex();
  const status = useSessionStore((state) => state.status);
  const previous = useRef(status);
  useEffect(() => {
    const ended = previous.current !== 'idle' && status === 'idle';
    previous.current = status;
    if (!ended) return;
    const { questions, lines } = useSessionStore.getState();
    const feedback = sessionFeedback(questions, lines, (id) => entriesById.get(id), index.aliases);
    const answers = feedback.questions
      .filter((question) => question.answered && question.coverage.length > 0)
      .map((question) => ({ entryId: question.entryId, askedAt: question.at, coveredShare: question.coveredShare }));
    if (answers.length) usePracticeStore.getState().recordInterviewAnswers(answers, Date.now());
  }, [status, entriesById, index]);
}
