import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { fileInModel } from './local-model-folder';

interface ModelDb extends DBSchema {
  files: { key: string; value: Blob };
  folders: { key: string; value: { name: string; dtype: 'fp32' | 'q8'; bytes: number; savedAt: number } };
}

const MODEL_DB = 'cuecard-models';

function openModelDb(): Promise<IDBPDatabase<ModelDb>> {
  return openDB<ModelDb>(MODEL_DB, 1, {
    upgrade(db) {
      db.createObjectStore('files');
      db.createObjectStore('folders', { keyPath: 'name' });
    },
  });
}

/** Saves a model folder the user picked, all files in one transaction: all or nothing. */
export async function saveModelFolder(name: string, dtype: 'fp32' | 'q8', files: ReadonlyArray<{ path: string; blob: Blob }>): Promise<void> {
  const db = await openModelDb();
  const tx = db.transaction(['files', 'folders'], 'readwrite');
  let bytes = 0;
  for (const { path, blob } of files) {
    bytes += blob.size;
    void tx.objectStore('files').put(blob, path);
  }
  void tx.objectStore('folders').put({ name, dtype, bytes, savedAt: Date.now() });
  await tx.done;
  db.close();
}

export async function listModelFolders() {
  const db = await openModelDb();
  const folders = await db.getAll('folders');
  db.close();
  return folders;
}

/**
 * A cache for transformers.js (`env.customCache`) that answers from a stored model
 * folder, so a user-provided model loads with no network at all.
 */
export function localModelCache(model: string) {
  const dbPromise = openModelDb();
  return {
    async match(request: string | Request): Promise<Response | undefined> {
      const url = typeof request === 'string' ? request : request.url;
      const path = fileInModel(url, model);
      if (path === null) return undefined;
      const blob = await (await dbPromise).get('files', `${model}/${path}`);
      return blob ? new Response(blob, { headers: { 'content-length': String(blob.size) } }) : undefined;
    },
    async put(): Promise<void> {
      // Stored files are never rewritten by the library.
    },
  };
}
