import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DisclosureMenu } from '@/components/common/DisclosureMenu';
import { PackFileImport } from '@/components/import/PackFileImport';
import { WebImport } from '@/components/import/WebImport';
import { PackExport } from '@/components/knowledge/PackExport';
import { createImportRunner } from '@/lib/import/import-runner';
import { withMyAnswers } from '@/lib/knowledge/my-answer';
import { readTargetPage } from '@/lib/platform/chrome-panel-adapter';
import { selectMyAnswers, selectUserPacks } from '@/lib/store/knowledge-store';
import { SHIPPED_PACKS, useImportReviewStore, useKnowledgeStore } from '../stores';
import { useQuestionIndex } from '../useQuestionIndex';

/** Pages and files are read in a worker of their own, one per read (see createImportRunner). */
const importRunner = createImportRunner({
  startWorker: () => new Worker(new URL('../import.worker.ts', import.meta.url), { type: 'module' }),
});

/** The Knowledge view's "Import / export" menu: import from the page or a file, export the packs. */
export function ImportExportMenu() {
  const { index } = useQuestionIndex();
  const knowledge = useKnowledgeStore(
    useShallow((state) => ({
      importPackFile: state.importPackFile,
      updatePack: state.updatePack,
      addUserPack: state.addUserPack,
    })),
  );
  const userPacks = useKnowledgeStore(selectUserPacks);
  const userPackIds = useMemo(() => new Set(userPacks.map((pack) => pack.id)), [userPacks]);
  const myAnswers = useKnowledgeStore(selectMyAnswers);
  // A review under way (left for another view) is shown again where it was: the menu opens on it.
  const reviewing = useImportReviewStore((state) => Object.keys(state.reviews).length > 0);
  // Exports carry the user's answers to their entries.
  const allPacks = useMemo(
    () => [...SHIPPED_PACKS, ...userPacks].map((pack) => withMyAnswers(pack, myAnswers)),
    [userPacks, myAnswers],
  );
  return (
    <DisclosureMenu label="Import / export" defaultOpen={reviewing}>
      <WebImport
        index={index}
        userPackIds={userPackIds}
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
        userPackIds={userPackIds}
        reviews={useImportReviewStore}
      />
      <PackExport packs={allPacks} />
    </DisclosureMenu>
  );
}
