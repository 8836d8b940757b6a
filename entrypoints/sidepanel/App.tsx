import { useMemo } from 'react';
import { VerbosityPicker } from '@/components/hints/VerbosityPicker';
import { PackManager } from '@/components/knowledge/PackManager';
import { TryoutPanel } from '@/components/tryout/TryoutPanel';
import { createQuestionIndex } from '@/lib/match/question-index';
import { allEntries, selectUserPacks } from '@/lib/store/knowledge-store';
import { selectMatchThreshold, selectVerbosity } from '@/lib/store/settings-store';
import { SHIPPED_PACKS, useKnowledgeStore, useSettingsStore } from './stores';

export function App() {
  const verbosity = useSettingsStore(selectVerbosity);
  const threshold = useSettingsStore(selectMatchThreshold);
  const setVerbosity = useSettingsStore((state) => state.setVerbosity);
  const userPacks = useKnowledgeStore(selectUserPacks);
  const importPackFile = useKnowledgeStore((state) => state.importPackFile);
  const removePack = useKnowledgeStore((state) => state.removePack);
  const entries = useMemo(() => allEntries(SHIPPED_PACKS, userPacks), [userPacks]);
  const index = useMemo(() => createQuestionIndex(entries), [entries]);

  return (
    <main className="app">
      <header className="app-header">
        <h1>Cuecard</h1>
        <p className="app-status" role="status">
          {entries.length} questions ready, offline
        </p>
      </header>
      <VerbosityPicker value={verbosity} onChange={setVerbosity} />
      <TryoutPanel index={index} verbosity={verbosity} threshold={threshold} />
      <PackManager shippedPacks={SHIPPED_PACKS} userPacks={userPacks} onImport={importPackFile} onRemove={removePack} />
    </main>
  );
}
