import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { env } from '@huggingface/transformers';
import type { MatchCase } from '../lib/dev/evaluate-matcher';
import { semanticRefinement, type SemanticRefinement } from '../lib/dev/evaluate-semantic';
import type { KnowledgeEntry } from '../lib/knowledge/schema';
import type { MatchOptions } from '../lib/match/match-question';
import type { QuestionIndex } from '../lib/match/question-index';
import type { SemanticCalibration } from '../lib/match/semantic-stage';
import { buildSemanticIndex } from '../lib/semantic/build-semantic-index';
import { loadSentenceEncoder, type LoadedSentenceEncoder } from '../lib/semantic/sentence-model';
import { UsageError } from './cli-support';

/**
 * Loads a sentence model from a local folder in the transformers.js layout (config.json,
 * tokenizer files, onnx/model_quantized.onnx or onnx/model.onnx), never from the network.
 */
export async function loadSentenceModelFolder(dir: string): Promise<LoadedSentenceEncoder> {
  const folder = resolve(dir);
  const q8 = existsSync(join(folder, 'onnx/model_quantized.onnx'));
  if (!existsSync(join(folder, 'tokenizer.json')) || (!q8 && !existsSync(join(folder, 'onnx/model.onnx')))) {
    throw new UsageError(
      `${dir}: expected tokenizer.json and onnx/model_quantized.onnx (or onnx/model.onnx) in a transformers.js model folder`,
    );
  }
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${dirname(folder)}/`;
  return loadSentenceEncoder({ model: basename(folder), dtype: q8 ? 'q8' : 'fp32', device: 'cpu' });
}

export interface SemanticEvaluation extends SemanticRefinement {
  model: string;
  calibration: SemanticCalibration;
  indexBuildMs: number;
}

/** The semantic stage for `eval:match -- --semantic DIR`: entries embedded, calibrated, cases embedded. */
export async function semanticEvaluation(
  dir: string,
  entries: readonly KnowledgeEntry[],
  index: QuestionIndex,
  cases: readonly MatchCase[],
  options: MatchOptions,
): Promise<SemanticEvaluation> {
  const encoder = await loadSentenceModelFolder(dir);
  const start = performance.now();
  const { index: semantic } = await buildSemanticIndex([{ id: 'eval', entries }], encoder);
  const indexBuildMs = performance.now() - start;
  const refinement = await semanticRefinement(index, cases, options, encoder, semantic);
  await encoder.dispose();
  return { ...refinement, model: encoder.id, calibration: semantic.calibration, indexBuildMs };
}
