import type { ReactNode } from 'react';

export interface GettingStartedProps {
  /** The speech model's readiness and its "Get ready" download. */
  modelStep: ReactNode;
  onDismiss: () => void;
}

/** The welcome: what to do before a first session, in order, until the user puts it away. */
export function GettingStarted({ modelStep, onDismiss }: GettingStartedProps) {
  return (
    <section className="getting-started" aria-labelledby="getting-started-title">
      <h2 id="getting-started-title">Welcome to Cuecard</h2>
      <p>
        During a practice interview, Cuecard listens to the interviewer’s tab and shows a card for each question your
        knowledge base covers. Everything runs on this device.
      </p>
      <ol className="getting-started-steps">
        <li>
          <strong>Get the speech model ready</strong> (once, ahead of time):
          {modelStep}
        </li>
        <li>
          <strong>Open your interview in a tab</strong> (Meet, Zoom on the web, a YouTube mock interview) and click the
          Cuecard button in Chrome’s toolbar <em>on that tab</em>: that click lets Chrome hand Cuecard the tab’s sound.
        </li>
        <li>
          <strong>Press Start listening to this tab.</strong> When the interviewer asks a question, its card appears
          here.
        </li>
      </ol>
      <p className="card-meta">No partner? The drill just below asks you questions; answer out loud or by typing.</p>
      <button type="button" onClick={onDismiss}>
        Got it
      </button>
    </section>
  );
}
