import type { KnowledgeIndex } from '../match/knowledge-index';
import type { SemanticIndex } from '../match/semantic-stage';
import type { SentenceEncoder } from '../match/sentence-encoder';
import type { SemanticPlatform } from '../session/semantic-follow-up';
import { buildSemanticIndex, type PackToEmbed } from './build-semantic-index';
import type { EntryVectorCache } from './entry-vector-cache';

/** The knowledge on now, pack by pack, with the phrasings the matcher reads (learned ones included). */
export function packsToEmbed(knowledge: KnowledgeIndex): PackToEmbed[] {
  let offset = 0;
  return knowledge.packs.map((pack) => ({
    id: pack.id,
    entries: knowledge.entries.slice(offset, (offset += pack.entries.length)),
  }));
}

/**
 * The sentence model for the session owner: one semantic index per version of the knowledge
 * (built at its first use, from the vector cache when it can be), and one vector per line. A
 * build that fails is tried again at the next line.
 */
export function semanticKnowledge(
  encoder: SentenceEncoder,
  cache: EntryVectorCache,
): (knowledge: KnowledgeIndex) => SemanticPlatform {
  let built: { from: KnowledgeIndex; index: Promise<SemanticIndex> } | undefined;
  return (knowledge) => ({
    index() {
      if (built?.from !== knowledge) {
        const index = buildSemanticIndex(packsToEmbed(knowledge), encoder, cache).then((result) => result.index);
        const mine = { from: knowledge, index };
        built = mine;
        index.catch(() => {
          if (built === mine) built = undefined;
        });
      }
      return built.index;
    },
    embed: async (text) => (await encoder.embed([text]))[0]!,
  });
}
