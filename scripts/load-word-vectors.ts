import { existsSync, readFileSync } from 'node:fs';
import { createWordVectorEncoder, decodeWordVectorTable, type SemanticEncoder } from '../lib/match/semantic-encoder';
import { WORD_VECTORS_OUT } from './build-word-vectors';

/** The word-vector encoder from the table `npm run lexicon` built; undefined when it was not built. */
export function loadWordVectorEncoder(path = WORD_VECTORS_OUT): SemanticEncoder | undefined {
  if (!existsSync(path)) return undefined;
  return createWordVectorEncoder(decodeWordVectorTable(readFileSync(path)));
}
