import { parseJsonPack } from './json-pack';
import { parseMarkdownPack } from './markdown-pack';
import { PackError } from './pack-error';
import type { KnowledgePack } from './schema';

/** Largest pack file accepted; the 10,000-entry benchmark pack is about 8 MB. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;

/** Parses a pack file by its name: .json as JSON, .md/.markdown/.txt as Markdown. */
export function parsePackFile(fileName: string, text: string): KnowledgePack {
  if (text.length > MAX_PACK_BYTES) {
    throw new PackError(`the file is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB; split it into smaller packs`);
  }
  if (!text.trim()) throw new PackError('the file is empty');
  if (/\.json$/i.test(fileName)) return parseJsonPack(text, { fileName });
  if (/\.(md|markdown|txt)$/i.test(fileName)) return parseMarkdownPack(text, { fileName });
  throw new PackError(`cannot tell the format of "${fileName}": use a .md or .json file`);
}
