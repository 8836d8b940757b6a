import { ModelDownloadError } from './model-download';

/** How a model message is shown: a failure to act on, work under way, or done. */
export type ModelTone = 'error' | 'progress' | 'done' | 'info';

export interface ModelText {
  tone: ModelTone;
  text: string;
}

/** What happened to the speech model, for the one function that words it. */
export type ModelSituation =
  /** "Get ready" stopped; `arrived`: bytes came in during this try (the host was reached). */
  | { kind: 'download-stopped'; error: unknown; cancelled: boolean; arrived: boolean }
  /** A session (Start, or a drill) could not load the model. */
  | { kind: 'load-failed'; error: unknown }
  /** A session is loading the model: from the user's folder, or from the hub (or its cache). */
  | { kind: 'loading'; fromFolder: boolean; percent: number; file?: string };

const messageOf = (error: unknown) => String((error as Error)?.message ?? error).replace(/\.$/, '');

/**
 * Whether an error is the network's: fetch's TypeError, a dropped body, or (from a worker,
 * where the type is lost) the browsers' words for one.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof ModelDownloadError) return error.resumable;
  if (error instanceof TypeError) return true;
  return /failed to fetch|fetch failed|networkerror|network error|load failed|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|ERR_NETWORK/i.test(
    messageOf(error),
  );
}

const UNREACHABLE = 'Cuecard could not reach the model host (huggingface.co). Are you offline?';

/** What to tell the user about the speech model, in words, with the next step; tone says how to show it. */
export function modelText(situation: ModelSituation): ModelText {
  switch (situation.kind) {
    case 'loading':
      return {
        tone: 'progress',
        text: situation.fromFolder
          ? `Loading the speech model from your folder: ${situation.percent} %`
          : `Getting the speech model ready${situation.file ? ` (${situation.file})` : ''}: ${situation.percent} %`,
      };
    case 'load-failed':
      return {
        tone: 'error',
        text: isNetworkFailure(situation.error)
          ? `The speech model is not on this device yet. ${UNREACHABLE} Connect and press Start again, or use a local model folder (Settings).`
          : `The speech model could not be loaded (${messageOf(situation.error)}). Press Start again; if it keeps failing, use a local model folder (Settings).`,
      };
    case 'download-stopped': {
      const { error, cancelled, arrived } = situation;
      if (cancelled) return { tone: 'info', text: 'Download paused. What arrived is kept for when you resume.' };
      if (error instanceof DOMException && error.name === 'QuotaExceededError') {
        return {
          tone: 'error',
          text: 'There is not enough disk space for the model. Free some space, then press Try again.',
        };
      }
      if (isNetworkFailure(error)) {
        return {
          tone: 'error',
          text: arrived
            ? 'The connection dropped during the download. What arrived is kept: press Try again when you are back online, or use a local model folder.'
            : `${UNREACHABLE} Press Try again when you are online, or use a local model folder.`,
        };
      }
      if (error instanceof ModelDownloadError)
        return {
          tone: 'error',
          text: `The download failed: ${messageOf(error)}. Try again in a moment, or use a local model folder.`,
        };
      return {
        tone: 'error',
        text: `The download stopped: ${messageOf(error)}. What arrived is kept; press Try again.`,
      };
    }
  }
}
