import { useState } from 'react';
import { checkModelFolder } from '@/lib/asr/local-model-folder';
import { saveModelFolder } from '@/lib/asr/model-store';
import type { Notice } from '@/lib/store/session-store';
import { FileButton } from '../common/FileButton';
import { MessageLine } from '../common/MessageLine';

/** "Use a local model folder": checks the chosen folder, stores it on this device, and hands over its name. */
export function LocalModelFolder({ onStored }: { onStored: (name: string) => void | Promise<void> }) {
  const [message, setMessage] = useState<Notice | null>(null);

  async function importFolder(files: FileList | null) {
    const list = Array.from(files ?? []);
    const check = checkModelFolder(list.map((file) => file.webkitRelativePath || file.name));
    if (!check.ok) {
      setMessage({ kind: 'error', text: check.message });
      return;
    }
    try {
      await saveModelFolder(
        check.name,
        check.dtype,
        list.map((file) => ({ path: file.webkitRelativePath, blob: file })),
      );
    } catch (error) {
      setMessage({
        kind: 'error',
        text: `The model folder could not be stored (${(error as Error).message}). Free some disk space and try again.`,
      });
      return;
    }
    await onStored(check.name);
    setMessage({ kind: 'info', text: `Stored "${check.name}"; it is now the model in use, with no download.` });
  }

  return (
    <>
      <FileButton
        label="Use a local model folder"
        // @ts-expect-error -- webkitdirectory is supported by Chrome but missing from React's types
        webkitdirectory=""
        onFiles={(files) => void importFolder(files)}
      />
      <MessageLine message={message} />
    </>
  );
}
