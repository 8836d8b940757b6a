import { packChangesText, type InstalledCopy } from '@/lib/knowledge/compare-packs';

/** How the user settles a file that looks like a copy of an installed pack. */
export type CopyChoice = 'update' | 'both' | 'cancel';

/** "Already installed": what updating from the file would change, and the three ways out. */
export function InstalledCopyDialog({
  fileName,
  of,
  onChoose,
}: {
  fileName: string;
  of: InstalledCopy;
  onChoose: (choice: CopyChoice) => void;
}) {
  return (
    <div className="import-copy" role="alertdialog" aria-label="Pack already installed">
      <p>
        “{of.title}” is already installed, and {fileName} looks like a copy of it. Updating it from the file:{' '}
        {packChangesText(of)}.
      </p>
      <div className="pack-actions">
        <button type="button" className="primary" onClick={() => onChoose('update')}>
          Update it
        </button>
        <button type="button" onClick={() => onChoose('both')}>
          Keep both
        </button>
        <button type="button" onClick={() => onChoose('cancel')}>
          Cancel
        </button>
      </div>
    </div>
  );
}
