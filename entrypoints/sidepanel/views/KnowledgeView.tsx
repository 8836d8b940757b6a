import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DisclosureMenu } from '@/components/common/DisclosureMenu';
import { UndoToast } from '@/components/common/UndoToast';
import { KnowledgeBrowser } from '@/components/knowledge/KnowledgeBrowser';
import { PackExport } from '@/components/knowledge/PackExport';
import { PackFileImport } from '@/components/knowledge/PackFileImport';
import { PackManager } from '@/components/knowledge/PackManager';
import { WebImport } from '@/components/knowledge/WebImport';
import { createImportRunner } from '@/lib/import/import-runner';
import { readTargetPage } from '@/lib/platform/chrome-panel-adapter';
import { withMyAnswers } from '@/lib/knowledge/my-answer';
import { selectDisabledPackIds, selectMyAnswers, selectUserPacks } from '@/lib/store/knowledge-store';
import { practiceStatus } from '@/lib/drill/practice-schedule';
import { selectPracticeHistory } from '@/lib/drill/practice-store';
import { SHIPPED_PACKS, useImportReviewStore, useKnowledgeStore, usePracticeStore } from '../stores';
import { useQuestionIndex } from '../useQuestionIndex';

/** Pages and files are read in a worker of their own, one per read (see createImportRunner). */
const importRunner = createImportRunner({
  startWorker: () => new Worker(new URL('../import.worker.ts', import.meta.url), { type: 'module' }),
});

export function KnowledgeView() {
  const { packs, index } = useQuestionIndex();
  const knowledge = useKnowledgeStore(
    useShallow((state) => ({
      importPackFile: state.importPackFile,
      updatePack: state.updatePack,
      removePack: state.removePack,
      togglePack: state.togglePack,
      saveEntry: state.saveEntry,
      addUserPack: state.addUserPack,
      deleteEntry: state.deleteEntry,
      lastRemoval: state.lastRemoval,
      undoRemoval: state.undoRemoval,
      forgetRemoval: state.forgetRemoval,
      saveMyAnswer: state.saveMyAnswer,
    })),
  );
  const removal = knowledge.lastRemoval;
  const userPacks = useKnowledgeStore(selectUserPacks);
  const disabledPackIds = useKnowledgeStore(selectDisabledPackIds);
  const editablePackIds = useMemo(() => new Set(userPacks.map((pack) => pack.id)), [userPacks]);
  const myAnswers = useKnowledgeStore(selectMyAnswers);
  const practiceHistory = usePracticeStore(selectPracticeHistory);
  const practiceStatusOf = useCallback(
    (entryId: string) => practiceStatus(practiceHistory[entryId], Date.now()),
    [practiceHistory],
  );
  // Exports carry the user's answers to their entries.
  // A review under way (left for another view) is shown again where it was: the menu opens on it.
  const reviewing = useImportReviewStore((state) => Object.keys(state.reviews).length > 0);
  const allPacks = useMemo(
    () => [...SHIPPED_PACKS, ...userPacks].map((pack) => withMyAnswers(pack, myAnswers)),
    [userPacks, myAnswers],
  );
  return (
    <>
      {removal && (
        <UndoToast
          text={
            removal.kind === 'pack'
              ? `Removed the pack “${removal.pack.title}”.`
              : `Deleted “${removal.entry.question}”.`
          }
          onUndo={knowledge.undoRemoval}
          onDismiss={knowledge.forgetRemoval}
        />
      )}
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
            {/* The packs (switches, Remove) sit up here: below the list they were a scroll past every question away. */}
            <DisclosureMenu label={`Packs (${SHIPPED_PACKS.length + userPacks.length})`}>
              <PackManager
                shippedPacks={SHIPPED_PACKS}
                userPacks={userPacks}
                disabledPackIds={disabledPackIds}
                onRemove={knowledge.removePack}
                onToggle={knowledge.togglePack}
              />
            </DisclosureMenu>
            <DisclosureMenu label="Import / export" defaultOpen={reviewing}>
              <WebImport
                index={index}
                userPackIds={editablePackIds}
                readCurrentPage={readTargetPage}
                read={importRunner.read}
                onSave={knowledge.addUserPack}
                reviews={useImportReviewStore}
              />
              <PackFileImport
                onImport={knowledge.importPackFile}
                read={importRunner.read}
                index={index}
                onSaveImported={knowledge.addUserPack}
                onUpdatePack={knowledge.updatePack}
                userPackIds={editablePackIds}
                reviews={useImportReviewStore}
              />
              <PackExport packs={allPacks} />
            </DisclosureMenu>
          </>
        }
      />
    </>
  );
}
