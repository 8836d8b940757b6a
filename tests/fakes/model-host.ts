import type { DownloadStore } from '@/lib/asr/model-download';

/** Stored files and parts in memory, as the browser store keeps them in the Cache API and IndexedDB. */
export function memoryDownloadStore() {
  const files = new Map<string, Blob>();
  const parts = new Map<string, Blob[]>();
  const store: DownloadStore = {
    storedSize: async (url) => files.get(url)?.size,
    saveFile: async (url, file) => void files.set(url, file),
    readParts: async (url) => [...(parts.get(url) ?? [])],
    appendPart: async (url, part) => void parts.set(url, [...(parts.get(url) ?? []), part]),
    clearParts: async (url) => void parts.delete(url),
  };
  return { store, files, parts };
}

interface HostOptions {
  /** Cut the connection after this many bytes of a body, once per file address. */
  dropAfter?: number;
  /** Ignore Range headers (always send the whole file with 200). */
  ignoreRange?: boolean;
  status?: (url: string) => number | undefined;
  /** The content-length announced for a body of this size (a compressed transfer announces less). */
  announced?: (bodyLength: number) => number;
}

/** A model host over in-memory files: honours byte ranges, and can drop a connection mid-file. */
export function fakeHost(bodies: Record<string, Uint8Array>, options: HostOptions = {}) {
  const requests: Array<{ url: string; range: string | null }> = [];
  const dropped = new Set<string>();
  const fetchFile = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const range = new Headers(init?.headers).get('range');
    requests.push({ url, range });
    const forced = options.status?.(url);
    if (forced) return new Response('nope', { status: forced });
    const body = bodies[url];
    if (!body) return new Response('Not found', { status: 404 });
    const start = range && !options.ignoreRange ? Number(/bytes=(\d+)-/.exec(range)![1]) : 0;
    if (start >= body.length && start > 0) return new Response(null, { status: 416 });
    const slice = body.subarray(start);
    const drop = options.dropAfter !== undefined && !dropped.has(url);
    if (drop) dropped.add(url);
    const signal = init?.signal;
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const chunk = 1000;
        for (let at = 0; at < slice.length; at += chunk) {
          if (signal?.aborted) return controller.error(signal.reason);
          if (drop && at >= options.dropAfter!) return controller.error(new TypeError('network error'));
          controller.enqueue(slice.slice(at, at + chunk));
          await Promise.resolve();
        }
        controller.close();
      },
    });
    const length = options.announced?.(slice.length) ?? slice.length;
    return new Response(stream, { status: start > 0 ? 206 : 200, headers: { 'content-length': String(length) } });
  }) as typeof fetch;
  return { fetch: fetchFile, requests };
}
