import { useMemo } from 'react';
import { ProgressChart } from '@/components/review/ProgressChart';
import { SessionHistory } from '@/components/review/SessionHistory';
import { progressByCategory } from '@/lib/drill/practice-progress';
import { selectPracticeHistory } from '@/lib/drill/practice-store';
import { usePracticeStore } from '../stores';
import { sessionDb } from '../useLiveSession';
import { useQuestionIndex } from '../useQuestionIndex';

export function SessionsView({ onDrill }: { onDrill: (entryIds: string[]) => void }) {
  const { entriesById, index } = useQuestionIndex();
  const history = usePracticeStore(selectPracticeHistory);
  const progress = useMemo(
    () => progressByCategory(history, (id) => entriesById.get(id)?.category),
    [history, entriesById],
  );
  return (
    <SessionHistory
      db={sessionDb}
      entryById={(id) => entriesById.get(id)}
      aliases={index.aliases}
      onDrill={onDrill}
      overview={<ProgressChart progress={progress} />}
    />
  );
}
