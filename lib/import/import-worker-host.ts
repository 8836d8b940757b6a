import { importWorkerRequestSchema, type ImportWorkerReply } from '../messaging/import-worker-messages';
import { extractQuestions } from '../page/extract-questions';
import type { HtmlTools } from '../page/html-tools';
import { extractFileQuestions, type FileReaders } from './import-file';

/**
 * The import worker's logic: a page or a file in, its questions (or why none) out. It
 * never throws: every failure becomes a reply the panel can show as it is.
 */
export async function handleImportRequest(
  message: unknown,
  deps: { tools: HtmlTools; readers: FileReaders },
): Promise<ImportWorkerReply> {
  const parsed = importWorkerRequestSchema.safeParse(message);
  if (!parsed.success)
    return {
      status: 'error',
      message: 'Cuecard sent the import worker something it does not understand; reload the panel and try again.',
    };
  const request = parsed.data;
  try {
    switch (request.type) {
      case 'page': {
        const { title, questions } = extractQuestions(deps.tools.parseHtml(request.html), deps.tools);
        return { status: 'done', title, questions };
      }
      case 'file': {
        const extraction = await extractFileQuestions(request.name, request.bytes, deps.tools, deps.readers);
        return extraction ? { status: 'done', ...extraction } : { status: 'pack' };
      }
      default: {
        const unknown: never = request;
        return unknown;
      }
    }
  } catch (error) {
    if ((error as Error).name === 'ImportFileError') return { status: 'error', message: (error as Error).message };
    const subject = request.type === 'page' ? 'this page' : `“${request.name}”`;
    return {
      status: 'error',
      message: `Cuecard could not read ${subject} (${(error as Error).message}). Nothing was imported.`,
    };
  }
}
