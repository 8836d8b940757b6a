import { parseArgs } from 'node:util';
import { buildCard, formatCard, VERBOSITIES, type Verbosity } from '../lib/card/build-card';
import { matchQuestion } from '../lib/match/match-question';
import { createQuestionIndex } from '../lib/match/question-index';
import { UsageError, loadKnowledge, round, runCli, vocabularyFor } from './cli-support';

const USAGE =
  'usage: npm run match -- "utterance text" [--kb PACK] [--verbosity glance|standard|detailed] [--threshold 0.5]';

runCli(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      kb: { type: 'string' },
      verbosity: { type: 'string', default: 'standard' },
      threshold: { type: 'string' },
    },
  });
  const utterance = positionals.join(' ').trim();
  if (!utterance) throw new UsageError(USAGE);
  const verbosity = values.verbosity as Verbosity;
  if (!VERBOSITIES.includes(verbosity)) throw new UsageError(`unknown verbosity "${values.verbosity}"; ${USAGE}`);

  const packs = loadKnowledge(values.kb);
  const index = createQuestionIndex(
    packs.flatMap((pack) => pack.entries),
    { aliases: vocabularyFor(packs) },
  );
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  const match = matchQuestion(index, [{ text: utterance, speaker: 'interviewer' }], { threshold });
  if (match.outcome === 'card' && match.best) {
    console.log(formatCard(buildCard(match.best.entry, verbosity)));
    console.log(
      `\nconfidence ${round(match.confidence, 2)}${match.ambiguous ? ' (close call)' : ''}; read as: "${match.questionText}"`,
    );
    return;
  }
  const guess = match.candidates[0];
  console.log(
    `No card (${match.outcome})${guess ? `; closest: "${guess.entry.question}" at ${round(guess.score, 2)}` : ''}`,
  );
});
