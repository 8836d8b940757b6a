import type { SessionState } from '@/lib/store/session-store';
import { MessageLine } from '../common/MessageLine';
import { modelText } from '@/lib/asr/model-status-text';

function percent(loaded: number, total: number) {
  return total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
}

/** Start/stop, what Cuecard is doing now, and anything the user must act on. */
export function SessionControls({
  status,
  model,
  notice,
  onStart,
  onStop,
  drill = false,
  awaitingStart = false,
  modelFromFolder = false,
}: Pick<SessionState, 'status' | 'model' | 'notice'> & {
  /** Start was pressed and not yet answered: Stop waits, so a double press does not stop what it started. */
  awaitingStart?: boolean;
  onStart: () => void;
  onStop: () => void;
  /** A drill listens to the microphone alone. */
  drill?: boolean;
  /** The model comes from the user's folder: loading it downloads nothing. */
  modelFromFolder?: boolean;
}) {
  const running = status === 'capturing' || status === 'starting';
  return (
    <section className="session-controls" aria-label="Session">
      <div className="session-row">
        {running ? (
          <button type="button" className="primary" onClick={onStop} disabled={awaitingStart}>
            Stop
          </button>
        ) : (
          <button type="button" className="primary" onClick={onStart} disabled={status === 'stopping'}>
            Start listening to this tab
          </button>
        )}
        <span className="session-state" role="status">
          {status === 'capturing'
            ? drill
              ? '● Capturing your microphone (drill)'
              : '● Capturing tab audio'
            : status === 'starting'
              ? 'Starting…'
              : status === 'stopping'
                ? 'Finishing…'
                : 'Not capturing'}
          {model.state === 'ready' && model.device
            ? ` · recognising on the ${model.device === 'webgpu' ? 'graphics card' : 'processor'}`
            : ''}
        </span>
      </div>
      {model.state === 'loading' && (
        <label className="model-progress">
          {
            modelText({
              kind: 'loading',
              fromFolder: modelFromFolder,
              percent: percent(model.loaded, model.total),
              file: model.file,
            }).text
          }
          <progress max={100} value={percent(model.loaded, model.total)} />
        </label>
      )}
      <MessageLine message={notice} />
    </section>
  );
}
