import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CardAlternatives } from '@/components/card/CardAlternatives';
import { CardView } from '@/components/card/CardView';
import { NearMissChips } from '@/components/card/NearMissChips';
import { VerbosityPicker } from '@/components/card/VerbosityPicker';
import { DrillControls } from '@/components/drill/DrillControls';
import { DrillPrompt, DrillRating } from '@/components/drill/DrillQuestion';
import { useDrillAnswerClock } from '@/components/drill/useDrillAnswerClock';
import { QuestionHistory } from '@/components/session/QuestionHistory';
import { SessionControls } from '@/components/session/SessionControls';
import { TranscriptView } from '@/components/session/TranscriptView';
import { TryoutPanel } from '@/components/tryout/TryoutPanel';
import { GettingStarted } from '@/components/onboarding/GettingStarted';
import { modelSource } from '@/lib/asr/asr-settings';
import { buildCard } from '@/lib/card/build-card';
import { answerCoverage, answerLines } from '@/lib/session/answer-coverage';
import { coveredShare } from '@/lib/drill/practice-schedule';
import { selectDrill, selectPracticeHistory } from '@/lib/drill/practice-store';
import { selectMyAnswers } from '@/lib/store/knowledge-store';
import { selectMatchThreshold, selectVerbosity } from '@/lib/store/settings-store';
import { useKnowledgeStore, useModelReadinessStore, usePracticeStore, useSettingsStore } from '../stores';
import { useQuestionIndex } from '../useQuestionIndex';
import { liveActions, useSessionStore } from '../useLiveSession';
import { ModelStep } from './ModelStep';

/** The transcript alone follows partial lines, so a partial re-renders nothing else. */
function LiveTranscript() {
  const { lines, partials, speaking } = useSessionStore(
    useShallow(({ lines, partials, speaking }) => ({ lines, partials, speaking })),
  );
  return <TranscriptView lines={lines} partials={partials} speaking={speaking} />;
}

/**
 * The card for the current question, with what the candidate has covered of it so far.
 * A drill question's card stays hidden while it is answered: recall first, then the card.
 */
function CurrentCard() {
  const { entriesById, index } = useQuestionIndex();
  const verbosity = useSettingsStore(selectVerbosity);
  const { card, questions, lines } = useSessionStore(
    useShallow(({ card, questions, lines }) => ({ card, questions, lines })),
  );
  // Only whether the candidate is speaking, not each partial's text: a partial re-renders the transcript alone.
  const speaking = useSessionStore((state) => Boolean(state.speaking.candidate || state.partials.candidate));
  const entry = card && entriesById.get(card.entryId);
  const myAnswer = useKnowledgeStore((state) => (card ? selectMyAnswers(state)[card.entryId] : undefined));
  const drill = usePracticeStore(selectDrill);
  const drilling = drill !== null && drill.entryId === card?.entryId;
  const hidden = drilling && !drill.revealed;
  const typed = drilling ? drill.typed?.answer : undefined;
  // A typed answer is scored by the rule a spoken one is.
  const coverage = useMemo(() => {
    if (!entry || !card) return undefined;
    const next = questions.find((question) => question.at > card.at);
    const answer = typed === undefined ? answerLines(lines, card.at, next?.at) : [typed].filter((text) => text.trim());
    return answer.length ? answerCoverage(entry, answer, index.aliases).map((point) => point.covered) : undefined;
  }, [entry, card, questions, lines, index, typed]);
  const now = useDrillAnswerClock(hidden ? drill : null, lines, speaking, usePracticeStore.getState().reveal);

  if (!entry) return null;
  if (hidden)
    return (
      <DrillPrompt
        question={entry.question}
        drill={drill}
        now={now}
        onReveal={usePracticeStore.getState().reveal}
        onType={usePracticeStore.getState().setTypedAnswer}
      />
    );
  const covered = coverage?.filter(Boolean).length ?? null;
  return (
    <>
      <CardView
        card={buildCard(entry, verbosity)}
        confidence={drilling ? undefined : card?.confidence}
        covered={coverage}
        myAnswer={myAnswer}
        provisional={card?.provisional?.state}
      />
      {drilling && !drill.rated && (
        <DrillRating
          covered={covered}
          total={entry.outline.keyPoints.length}
          typed={typed !== undefined}
          onRate={(rating) =>
            usePracticeStore.getState().rate(rating, coveredShare(covered, entry.outline.keyPoints.length), Date.now())
          }
        />
      )}
      {card && !drilling && (
        <CardAlternatives alternatives={card.alternatives} onChoose={liveActions.chooseAlternative} />
      )}
    </>
  );
}

/** Settings are read from storage once; until then, whether this is the first run is unknown. */
function useSettingsHydrated(): boolean {
  const [hydrated, setHydrated] = useState(useSettingsStore.persist.hasHydrated());
  useEffect(
    () => (hydrated ? undefined : useSettingsStore.persist.onFinishHydration(() => setHydrated(true))),
    [hydrated],
  );
  return hydrated;
}

/** The first steps, while nothing has happened yet in this panel; once the welcome is put away, only a model still to get. */
function FirstSteps() {
  const hydrated = useSettingsHydrated();
  const welcomed = useSettingsStore((state) => state.welcomed);
  const modelNeeded = useModelReadinessStore(
    (state) => !['ready', 'local', 'checking'].includes(state.readiness.phase),
  );
  if (!hydrated) return null;
  if (!welcomed) {
    return <GettingStarted modelStep={<ModelStep offerFolder />} onDismiss={useSettingsStore.getState().setWelcomed} />;
  }
  // Once the welcome is put away, only a model still to get stays in sight, in a line or two.
  return modelNeeded ? (
    <section className="model-needed" aria-label="Speech model">
      <ModelStep offerFolder />
    </section>
  ) : null;
}

export function LiveView() {
  const { entries, entriesById, index } = useQuestionIndex();
  const verbosity = useSettingsStore(selectVerbosity);
  const threshold = useSettingsStore(selectMatchThreshold);
  const setVerbosity = useSettingsStore((state) => state.setVerbosity);
  const session = useSessionStore(
    useShallow(({ status, awaitingStart, mode, model, notice, nearMisses, questions, card, pickCard }) => ({
      status,
      awaitingStart,
      mode,
      model,
      notice,
      nearMisses,
      questions,
      current: card?.at,
      pickCard,
    })),
  );
  const modelFromFolder = useSettingsStore((state) => modelSource(state.asrModel).source === 'local');
  const myAnswers = useKnowledgeStore(selectMyAnswers);
  const practiceHistory = usePracticeStore(selectPracticeHistory);
  const timerOn = usePracticeStore((state) => state.timerOn);
  const queueIds = usePracticeStore((state) => state.queue);
  const queued = useMemo(() => queueIds.flatMap((id) => entriesById.get(id) ?? []), [queueIds, entriesById]);
  const hasLines = useSessionStore((state) => state.lines.length > 0);
  // Nothing has happened yet in this panel: the first steps are the most useful thing to show.
  const empty =
    session.status === 'idle' && !hasLines && session.current === undefined && session.questions.length === 0;
  const categories = useMemo(() => [...new Set(entries.map((entry) => entry.category))].sort(), [entries]);
  return (
    <>
      <SessionControls
        status={session.status}
        model={session.model}
        notice={session.notice}
        drill={session.mode === 'drill'}
        awaitingStart={session.awaitingStart}
        modelFromFolder={modelFromFolder}
        onStart={() => void liveActions.start()}
        onStop={() => void liveActions.stop()}
      />
      {empty && <FirstSteps />}
      {/* The verbosity switch goes where a card is: here once a session has begun, else with a typed question's card. */}
      {!empty && <VerbosityPicker value={verbosity} onChange={setVerbosity} />}
      <NearMissChips offer={session.nearMisses} onChoose={liveActions.chooseNearMiss} />
      <CurrentCard />
      <QuestionHistory questions={session.questions} current={session.current} onPick={session.pickCard} />
      <LiveTranscript />
      <DrillControls
        entries={entries}
        categories={categories}
        history={practiceHistory}
        timerOn={timerOn}
        onTimer={usePracticeStore.getState().setTimerOn}
        onAsk={(entry) => void liveActions.ask(entry)}
        queue={queued}
        onDequeue={usePracticeStore.getState().dequeue}
      />
      <details className="live-section">
        <summary>Try a question by typing it</summary>
        <TryoutPanel
          index={index}
          verbosity={verbosity}
          threshold={threshold}
          myAnswers={myAnswers}
          verbosityPicker={empty ? <VerbosityPicker value={verbosity} onChange={setVerbosity} /> : undefined}
        />
      </details>
    </>
  );
}
