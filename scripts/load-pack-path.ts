import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { mergePacks } from '../lib/knowledge/merge-packs';
import { PackError } from '../lib/knowledge/pack-error';
import { parsePackFile } from '../lib/knowledge/parse-pack-file';
import type { KnowledgePack } from '../lib/knowledge/schema';

const PACK_FILE = /\.(md|markdown|json)$/i;

function parseFileAt(path: string): KnowledgePack {
  try {
    return parsePackFile(basename(path), readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof PackError) throw new PackError(`${basename(path)}: ${error.message}`);
    throw error;
  }
}

/**
 * Reads a pack from a file, or from a folder whose Markdown/JSON files are parts of
 * one pack (the folder name is the pack id; the first part's "# " title, up to " — ",
 * is its title).
 */
export function loadPackPath(path: string): KnowledgePack {
  if (!statSync(path).isDirectory()) return parseFileAt(path);
  const files = readdirSync(path)
    .filter((name) => PACK_FILE.test(name) && !/^readme\./i.test(name))
    .sort();
  if (files.length === 0) throw new PackError(`no .md or .json pack files in ${path}`);
  const parts = files.map((name) => ({ name, pack: parseFileAt(join(path, name)) }));
  const title = parts[0]!.pack.title.split(' — ')[0]!.trim();
  return mergePacks({ id: basename(path), title }, parts);
}

/** Every pack under the knowledge folder: each sub-folder or file is one pack. */
export function loadShippedPacks(knowledgeDir: string): KnowledgePack[] {
  return readdirSync(knowledgeDir)
    .filter((name) => PACK_FILE.test(name) || statSync(join(knowledgeDir, name)).isDirectory())
    .sort()
    .map((name) => loadPackPath(join(knowledgeDir, name)));
}
