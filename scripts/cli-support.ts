import { resolve } from 'node:path';
import { PackError } from '../lib/knowledge/pack-error';
import type { KnowledgePack, PackAlias } from '../lib/knowledge/schema';
import { loadPackPath, loadShippedPacks } from './load-pack-path';

export const SHIPPED_KNOWLEDGE_DIR = resolve('knowledge');

/** The pack named by --kb, or every shipped pack joined when none is named. */
export function loadKnowledge(kbPath: string | undefined): KnowledgePack[] {
  return kbPath ? [loadPackPath(kbPath)] : loadShippedPacks(SHIPPED_KNOWLEDGE_DIR);
}

/**
 * The vocabulary a pack is matched with in the extension by default: its own aliases and
 * those of the shipped packs, which are on unless the user turns them off.
 */
export function vocabularyFor(packs: readonly KnowledgePack[], withShipped = true): PackAlias[] {
  const shipped = withShipped ? loadShippedPacks(SHIPPED_KNOWLEDGE_DIR) : [];
  const byTerm = new Map<string, PackAlias>();
  for (const pack of [...shipped, ...packs])
    for (const alias of pack.aliases ?? []) byTerm.set(`${alias.term} ${alias.variants.join('|')}`, alias);
  return [...byTerm.values()];
}

/** Runs a command-line main, turning expected errors into one readable line and exit code 1. */
export function runCli(main: () => void | Promise<void>): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      const known =
        error instanceof PackError ||
        (error instanceof Error && (error.name === 'UsageError' || error.name === 'ImportFileError'));
      console.error(known ? `error: ${error.message}` : error);
      process.exitCode = 1;
    });
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The value at a sorted position (0…1) of an ascending list. */
export function percentile(sortedAscending: readonly number[], fraction: number): number {
  if (sortedAscending.length === 0) return 0;
  const index = Math.min(sortedAscending.length - 1, Math.ceil(fraction * sortedAscending.length) - 1);
  return sortedAscending[Math.max(0, index)]!;
}

export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
