import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { fileInModel } from './local-model-folder';
import { TRANSFORMERS_CACHE_NAME, type DownloadStore } from './model-download';

interface ModelDb extends DBSchema {
  files: { key: string; value: Blob };
  folders: { key: string; value: { name: string; dtype: 'fp32' | 'q8'; bytes: number; savedAt: number } };
  /** Parts of an interrupted model download, by file address, in arrival order. */
  'download-parts': { key: number; value: { url: string; part: Blob }; indexes: { url: string } };
}

const MODEL_DB = 'cuecard-models';

function openModelDb(): Promise<IDBPDatabase<ModelDb>> {
  return openDB<ModelDb>(MODEL_DB, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('files');
        db.createObjectStore('folders', { keyPath: 'name' });
      }
      if (oldVersion < 2) db.createObjectStore('download-parts', { autoIncrement: true }).createIndex('url', 'url');
    },
  });
}

/** Saves a model folder the user picked, all files in one transaction: all or nothing. */
export async function saveModelFolder(
  name: string,
  dtype: 'fp32' | 'q8',
  files: ReadonlyArray<{ path: string; blob: Blob }>,
): Promise<void> {
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

/**
 * Where "Get ready" keeps a hub model: whole files in transformers.js's own browser cache,
 * under the address it will ask for, so the recogniser later loads them with no network;
 * parts of an interrupted file in IndexedDB, so a resume survives closing the panel.
 */
export function browserDownloadStore(): DownloadStore {
  // Opened at first use: the panel creates this store before anything asks for it.
  let opened: { cache: Promise<Cache>; db: Promise<IDBPDatabase<ModelDb>> } | undefined;
  const open = () => (opened ??= { cache: caches.open(TRANSFORMERS_CACHE_NAME), db: openModelDb() });
  return {
    async storedSize(url) {
      const response = await (await open().cache).match(url);
      if (!response) return undefined;
      const length = Number(response.headers.get('content-length'));
      return Number.isFinite(length) && length > 0 ? length : (await response.blob()).size;
    },
    async saveFile(url, file) {
      // Content-length kept explicitly: transformers.js reads it for its progress figures.
      await (await open().cache).put(url, new Response(file, { headers: { 'content-length': String(file.size) } }));
    },
    async readParts(url) {
      const rows = await (await open().db).getAllFromIndex('download-parts', 'url', url);
      return rows.map((row) => row.part);
    },
    async appendPart(url, part) {
      await (await open().db).add('download-parts', { url, part });
    },
    async clearParts(url) {
      const tx = (await open().db).transaction('download-parts', 'readwrite');
      for (const key of await tx.store.index('url').getAllKeys(url)) void tx.store.delete(key);
      await tx.done;
    },
  };
}
