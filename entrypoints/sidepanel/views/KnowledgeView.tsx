import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { KnowledgeBrowser } from '@/components/knowledge/KnowledgeBrowser';
import { PackManager } from '@/components/knowledge/PackManager';
import { WebImport } from '@/components/knowledge/WebImport';
import { readTargetPage } from '@/lib/platform/chrome-panel-adapter';
import { SHIPPED_PACKS, useKnowledgeStore } from '../stores';
import { useQuestionIndex } from '../useQuestionIndex';

export function KnowledgeView() {
  const { packs, index } = useQuestionIndex();
  const knowledge = useKnowledgeStore(
    useShallow((state) => ({
      userPacks: state.userPacks,
      disabledPackIds: state.disabledPackIds,
      importPackFile: state.importPackFile,
      removePack: state.removePack,
      togglePack: state.togglePack,
      saveEntry: state.saveEntry,
      addUserPack: state.addUserPack,
      deleteEntry: state.deleteEntry,
    })),
  );
  const editablePackIds = useMemo(() => new Set(knowledge.userPacks.map((pack) => pack.id)), [knowledge.userPacks]);
  return (
    <>
      <WebImport index={index} readCurrentPage={readTargetPage} onSave={knowledge.addUserPack} />
      <KnowledgeBrowser packs={packs} editablePackIds={editablePackIds} onSave={knowledge.saveEntry} onDelete={knowledge.deleteEntry} />
      <PackManager
        shippedPacks={SHIPPED_PACKS}
        userPacks={knowledge.userPacks}
        disabledPackIds={knowledge.disabledPackIds}
        onImport={knowledge.importPackFile}
        index={index}
        onSaveImported={knowledge.addUserPack}
        onRemove={knowledge.removePack}
        onToggle={knowledge.togglePack}
      />
    </>
  );
}
