import { SessionHistory } from '@/components/session/SessionHistory';
import { sessionDb } from '../useLiveSession';
import { useQuestionIndex } from '../useQuestionIndex';

export function SessionsView({ onDrill }: { onDrill: (entryIds: string[]) => void }) {
  const { entriesById, index } = useQuestionIndex();
  return <SessionHistory db={sessionDb} entryById={(id) => entriesById.get(id)} aliases={index.aliases} onDrill={onDrill} />;
}
