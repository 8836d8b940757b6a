import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DisclosureMenu } from '@/components/common/DisclosureMenu';
import { UndoToast } from '@/components/common/UndoToast';
import { KnowledgeBrowser } from '@/components/knowledge/KnowledgeBrowser';
import { PackManager } from '@/components/knowledge/PackManager';
import { selectDisabledPackIds, selectMyAnswers, selectUserPacks } from '@/lib/store/knowledge-store';
import { practiceStatus } from '@/lib/drill/practice-schedule';
import { selectPracticeHistory } from '@/lib/drill/practice-store';
import { SHIPPED_PACKS, useKnowledgeStore, usePracticeStore } from '../stores';
import { useQuestionIndex } from '../useQuestionIndex';
import { ImportExportMenu } from './ImportExportMenu';

export function KnowledgeView() {
  const { packs } = useQuestionIndex();
  const knowledge = useKnowledgeStore(
    useShallow((state) => ({
      saveEntry: state.saveEntry,
      deleteEntry: state.deleteEntry,
      saveMyAnswer: state.saveMyAnswer,
    })),
  );
  const userPacks = useKnowledgeStore(selectUserPacks);
  const editablePackIds = useMemo(() => new Set(userPacks.map((pack) => pack.id)), [userPacks]);
  const myAnswers = useKnowledgeStore(selectMyAnswers);
  const practiceHistory = usePracticeStore(selectPracticeHistory);
  const practiceStatusOf = useCallback(
    (entryId: string) => practiceStatus(practiceHistory[entryId], Date.now()),
    [practiceHistory],
  );
  return (
    <>
      <RemovalToast />
      <KnowledgeBrowser
        packs={packs}
        editablePackIds={editablePackIds}
        onSave={knowledge.saveEntry}
        onDelete={knowledge.deleteEntry}
        myAnswers={myAnswers}
        onSaveMyAnswer={knowledge.saveMyAnswer}
        practiceStatusOf={practiceStatusOf}
        menu={
          <>
            <PacksMenu />
            <ImportExportMenu />
          </>
        }
      />
    </>
  );
}

/** The last pack removed or entry deleted, with its Undo. */
function RemovalToast() {
  const { removal, undo, forget } = useKnowledgeStore(
    useShallow((state) => ({ removal: state.lastRemoval, undo: state.undoRemoval, forget: state.forgetRemoval })),
  );
  if (!removal) return null;
  return (
    <UndoToast
      text={
        removal.kind === 'pack' ? `Removed the pack “${removal.pack.title}”.` : `Deleted “${removal.entry.question}”.`
      }
      onUndo={undo}
      onDismiss={forget}
    />
  );
}

/** The packs (switches, Remove) sit up here: below the list they were a scroll past every question away. */
function PacksMenu() {
  const { removePack, togglePack } = useKnowledgeStore(
    useShallow((state) => ({ removePack: state.removePack, togglePack: state.togglePack })),
  );
  const userPacks = useKnowledgeStore(selectUserPacks);
  const disabledPackIds = useKnowledgeStore(selectDisabledPackIds);
  return (
    <DisclosureMenu label={`Packs (${SHIPPED_PACKS.length + userPacks.length})`}>
      <PackManager
        shippedPacks={SHIPPED_PACKS}
        userPacks={userPacks}
        disabledPackIds={disabledPackIds}
        onRemove={removePack}
        onToggle={togglePack}
      />
    </DisclosureMenu>
  );
}
