/**
 * What a shorter end-of-turn pause costs: questions cut in two by the voice detector.
 *   npm run bench:pause
 * The real Silero model and segmenter (as the recognition worker runs them) cut the spoken
 * fixtures at several pause lengths; a question that comes out as more than one utterance is
 * split (its card would be looked up on half a question). Fixtures: tests/fixtures/audio's
 * questions, and multi-clause interview questions spoken by espeak-ng with commas (its clause
 * pauses are the hardest case it can make; people hesitate longer and less regularly, which
 * these do not measure).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { UtteranceDetector } from '../lib/audio/utterance-detector';
import { decodeWav } from '../lib/dev/decode-wav';
import { runCli } from './cli-support';

const PAUSES_MS = [700, 500, 400, 300, 200];
const OUT = 'test-output/pause';
/** Questions with clauses, each spoken on its own between silences. */
const CLAUSE_QUESTIONS = [
  'So, thinking about your last project, how did you choose the evaluation metric?',
  'If the data were heavily imbalanced, say one fraud case in a thousand, what would you do first?',
  'Tell me, when a model works offline but fails in production, where do you start looking?',
  'Given a tight deadline, and a stakeholder who wants everything, how do you decide what to cut?',
];

interface Clip {
  name: string;
  samples: Float32Array;
  questions: number;
}

function spokenClauseQuestions(): Clip[] {
  mkdirSync(OUT, { recursive: true });
  return CLAUSE_QUESTIONS.map((text, i) => {
    const raw = join(OUT, `q${i}-raw.wav`);
    const clip = join(OUT, `q${i}.wav`);
    execFileSync('espeak-ng', ['-s', '150', '-w', raw, text]);
    // One second of silence either side, 16 kHz mono, as the other fixtures.
    execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', clip, 'pad', '1', '1']);
    return { name: `clause question ${i + 1}`, samples: decodeWav(readFileSync(clip)).samples, questions: 1 };
  });
}

function fixture(name: string): Clip {
  const layout = JSON.parse(readFileSync(`tests/fixtures/audio/${name}.json`, 'utf8')) as { utterances: unknown[] };
  return {
    name,
    samples: decodeWav(readFileSync(`tests/fixtures/audio/${name}.wav`)).samples,
    questions: layout.utterances.length,
  };
}

async function utterancesIn(samples: Float32Array, minSilenceMs: number): Promise<number> {
  const model = await Silero.new(ort, () =>
    Promise.resolve(readFileSync('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx').buffer),
  );
  const detector = new UtteranceDetector(model, { minSilenceMs });
  let count = 0;
  for (let i = 0; i < samples.length; i += 1_600) {
    for (const event of await detector.push(samples.subarray(i, i + 1_600))) if (event.type === 'utterance') count++;
  }
  for (const event of detector.segmenter.flush()) if (event.type === 'utterance') count++;
  return count;
}

runCli(async () => {
  const clips = [fixture('two-questions'), fixture('short-long-questions'), ...spokenClauseQuestions()];
  const questions = clips.reduce((sum, clip) => sum + clip.questions, 0);
  for (const pause of PAUSES_MS) {
    let split = 0;
    const perClip: Record<string, number> = {};
    for (const clip of clips) {
      const count = await utterancesIn(clip.samples, pause);
      perClip[clip.name] = count;
      split += Math.max(0, count - clip.questions);
    }
    console.log(
      JSON.stringify({
        pauseMs: pause,
        questions,
        splitQuestions: split,
        cardSoonerMs: 700 - pause,
        utterancesPerClip: perClip,
      }),
    );
  }
});
