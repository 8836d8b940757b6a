import type { ReactNode } from 'react';

export interface GettingStartedProps {
  /** The first open: a short welcome and a button to put it away. */
  firstRun: boolean;
  /** The speech model's readiness and its "Get ready" download. */
  modelStep: ReactNode;
  onDismiss: () => void;
}

/** What to do before a first session, in order; shown while nothing else is on the Live view. */
export function GettingStarted({ firstRun, modelStep, onDismiss }: GettingStartedProps) {
  return (
    <section className="getting-started" aria-labelledby="getting-started-title">
      <h2 id="getting-started-title">{firstRun ? 'Welcome to Cuecard' : 'Before you start'}</h2>
      {firstRun && (
        <p>
          During a practice interview, Cuecard listens to the interviewer’s tab and shows a hint card for each question your
          knowledge base covers. Everything runs on this device.
        </p>
      )}
      <ol className="getting-started-steps">
        <li>
          <strong>Get the speech model ready</strong> (once, ahead of time):
          {modelStep}
        </li>
        <li>
          <strong>Open your interview in a tab</strong> (Meet, Zoom on the web, a YouTube mock interview) and click the Cuecard
          button in Chrome’s toolbar <em>on that tab</em>: that click lets Chrome hand Cuecard the tab’s sound.
        </li>
        <li>
          <strong>Press Start listening to this tab.</strong> When the interviewer asks a question, its card appears here.
        </li>
      </ol>
      <p className="hint-meta">No partner? The drill further down reads questions aloud and listens to your answers on the microphone.</p>
      {firstRun && (
        <button type="button" onClick={onDismiss}>
          Got it
        </button>
      )}
    </section>
  );
}
