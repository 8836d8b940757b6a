import { slowRecognitionNotice } from '../asr/recognition-pace';
import type { AsrSettings, Channel, RuntimeMessage, SessionEvent } from '../messaging/runtime-messages';
import type { RecognitionReply, WorkerRequest } from '../messaging/worker-messages';
import type { AudioTap } from '../platform/web-audio-capture';
import { explainCaptureError } from './capture-errors';
import type { SessionDb } from './session-db';
import { createEchoGuard, ECHO_NOTICE } from './echo-guard';
import { appendLine, deleteSession, endSessionRecord, startSessionRecord } from './session-db';

export interface OffscreenPlatform {
  openTabStream(streamId: string): Promise<MediaStream>;
  openMicrophone(): Promise<MediaStream>;
  tapAudio(
    stream: MediaStream,
    channel: Channel,
    onChunk: (samples: Float32Array<ArrayBuffer>) => void,
    onEnded: () => void,
  ): Promise<AudioTap>;
  /** Sends to the recognition worker, transferring audio buffers. */
  toWorker(request: WorkerRequest): void;
  db: Promise<SessionDb>;
  broadcast(event: SessionEvent): void;
  /** Where ONNX Runtime's files and the VAD model are inside the extension. */
  wasmPaths: string;
  vadModelUrl: string;
}

const FLUSH_TIMEOUT_MS = 15_000;
const STALL_CHECK_MS = 5_000;

/**
 * The offscreen document's part of a session: open the streams, feed the worker,
 * write every final line to IndexedDB as it arrives, and report to the panel.
 */
export function createOffscreenCapture(platform: OffscreenPlatform) {
  let session: {
    id: string;
    taps: AudioTap[];
    seq: number;
    chunks: number;
    stallTimer: ReturnType<typeof setInterval>;
    drill: boolean;
    answered: boolean;
    /** With both the tab and the microphone: what the microphone hears of the tab. */
    echo?: ReturnType<typeof createEchoGuard>;
  } | null = null;
  let loadedModel: string | null = null;
  let loadedVad: string | null = null;
  let onFlushed: (() => void) | null = null;
  let stopping: Promise<void> | null = null;
  let starting = false;
  let storageWarned = false;

  /** Writes a line; if storage refuses (quota), the line is still shown and the user is told, once. */
  async function saveLine(line: Parameters<typeof appendLine>[1]): Promise<void> {
    try {
      await appendLine(await platform.db, line);
    } catch (error) {
      if (storageWarned) return;
      storageWarned = true;
      platform.broadcast({
        kind: 'error',
        message: `This browser profile's storage is full (${(error as Error).name}): new lines are shown but not saved. Lines saved before are kept. Free disk space or delete old sessions, then press Stop and Start.`,
        fatal: false,
      });
    }
  }

  function feed(channel: Channel) {
    return (samples: Float32Array<ArrayBuffer>) => {
      if (!session) return;
      session.chunks++;
      if (session.echo?.audio(channel, samples)) platform.broadcast({ kind: 'notice', message: ECHO_NOTICE });
      platform.toWorker({ type: 'audio', channel, samples });
    };
  }

  /** Tells the panel a start failed; nothing of the session is left running. */
  function failStart(text: string): void {
    platform.broadcast({ kind: 'error', message: text, fatal: true });
    platform.broadcast({ kind: 'stopped', reason: 'error', message: text });
  }

  async function start(message: Extract<RuntimeMessage, { type: 'offscreen/start' }>): Promise<void> {
    if (session || starting) return;
    starting = true;
    try {
      await startCapture(message);
    } finally {
      starting = false;
    }
  }

  async function startCapture(message: Extract<RuntimeMessage, { type: 'offscreen/start' }>): Promise<void> {
    // The record comes first: when it cannot be written (a full disk), nothing has been
    // opened yet, so no stream, timer or half-started session is left behind.
    try {
      await startSessionRecord(await platform.db, {
        id: message.sessionId,
        kind: message.streamId === null ? 'drill' : 'interview',
        startedAt: Date.now(),
      });
    } catch (error) {
      failStart(
        `Cuecard could not save a new session (${(error as Error).name}), so it did not start. Free disk space or delete old sessions under Sessions, then press Start again.`,
      );
      return;
    }
    let tabStream: MediaStream | null = null;
    try {
      if (message.streamId !== null) tabStream = await platform.openTabStream(message.streamId);
    } catch (error) {
      failStart(explainCaptureError(error));
      // Nothing was captured: the empty record would only clutter the session list.
      await deleteSession(await platform.db, message.sessionId).catch(() => undefined);
      return;
    }
    ensureModel(message.asr);
    const current = {
      id: message.sessionId,
      taps: [] as AudioTap[],
      seq: 0,
      chunks: 0,
      stallTimer: setInterval(checkStall, STALL_CHECK_MS),
      // A drill (microphone alone) in which nothing was answered is not kept as a session.
      drill: tabStream === null,
      answered: false,
      echo: undefined as ReturnType<typeof createEchoGuard> | undefined,
    };
    session = current;
    try {
      if (tabStream)
        current.taps.push(
          await platform.tapAudio(tabStream, 'interviewer', feed('interviewer'), () => void stop('tab-ended')),
        );
    } catch (error) {
      for (const track of tabStream!.getTracks()) track.stop();
      const message = `The tab's audio could not be processed (${(error as Error).message}). Press Start again; if it keeps failing, reload the extension.`;
      platform.broadcast({ kind: 'error', message, fatal: true });
      await stop('error', message);
      return;
    }
    let withMicrophone = false;
    if (message.withMicrophone) {
      try {
        const microphone = await platform.openMicrophone();
        current.taps.push(await platform.tapAudio(microphone, 'candidate', feed('candidate'), () => undefined));
        withMicrophone = true;
        if (tabStream) current.echo = createEchoGuard();
      } catch (error) {
        const reason = (error as Error).message;
        if (!tabStream) {
          // A drill without a microphone has nothing to listen to.
          const text = `The microphone could not be opened (${reason}). Allow microphone access for Cuecard in Chrome's site settings, then start the drill again.`;
          platform.broadcast({ kind: 'error', message: text, fatal: true });
          await stop('error', text);
          return;
        }
        platform.broadcast({
          kind: 'error',
          message: `The microphone could not be opened (${reason}); continuing with the tab only. Allow microphone access for Cuecard in Chrome's site settings to label your own answers.`,
          fatal: false,
        });
      }
    }
    platform.broadcast({ kind: 'capturing', sessionId: current.id, withMicrophone });
  }

  /** Loads the model when another one (or another device) is asked for; new pause settings alone reach the loaded one. */
  function ensureModel(asr: AsrSettings) {
    const { vad, ...model } = asr;
    const key = JSON.stringify(model);
    if (loadedModel === key) {
      if (JSON.stringify(vad) !== loadedVad) platform.toWorker({ type: 'segmenter', vad });
    } else {
      loadedModel = key;
      platform.toWorker({ type: 'load', ...asr, wasmPaths: platform.wasmPaths, vadModelUrl: platform.vadModelUrl });
    }
    loadedVad = JSON.stringify(vad);
  }

  function checkStall() {
    if (!session) return;
    if (session.chunks === 0) platform.broadcast({ kind: 'no-audio', seconds: STALL_CHECK_MS / 1000 });
    session.chunks = 0;
  }

  function stop(reason: 'user' | 'tab-ended' | 'error', message?: string): Promise<void> {
    if (!session) {
      platform.broadcast({ kind: 'stopped', reason, message });
      return Promise.resolve();
    }
    stopping ??= (async () => {
      const current = session!;
      clearInterval(current.stallTimer);
      for (const tap of current.taps) tap.stop();
      // Let the worker finish the utterance in progress so its words are not lost.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FLUSH_TIMEOUT_MS);
        onFlushed = () => {
          clearTimeout(timer);
          resolve();
        };
        platform.toWorker({ type: 'flush' });
      });
      onFlushed = null;
      session = null;
      if (current.drill && !current.answered) {
        await deleteSession(await platform.db, current.id).catch(() => undefined);
        platform.broadcast({
          kind: 'notice',
          message: 'Nothing was heard from you, so this drill was not saved as a session.',
        });
      } else {
        await endSessionRecord(await platform.db, current.id, reason);
      }
      platform.broadcast({ kind: 'stopped', reason, message });
    })().finally(() => {
      stopping = null;
    });
    return stopping;
  }

  async function onWorkerReply(reply: RecognitionReply): Promise<void> {
    switch (reply.status) {
      case 'progress':
        platform.broadcast({ kind: 'model-progress', file: reply.file, loaded: reply.loaded, total: reply.total });
        return;
      case 'ready':
        platform.broadcast({ kind: 'model-ready', device: reply.device, loadMs: reply.loadMs });
        return;
      case 'speech-start':
        platform.broadcast({ kind: 'speech-start', channel: reply.channel });
        return;
      case 'partial': {
        if (!session) return;
        const { channel, text, startMs, endMs } = reply;
        platform.broadcast({ kind: 'partial', sessionId: session.id, channel, text, startMs, endMs });
        return;
      }
      case 'final': {
        if (!session) return;
        const heard = session.echo?.line(reply.channel, reply.text);
        if (heard?.warn) platform.broadcast({ kind: 'notice', message: ECHO_NOTICE });
        // The microphone repeating the interviewer is not the candidate's answer: neither kept nor shown.
        if (heard && !heard.keep) return;
        const line = {
          sessionId: session.id,
          seq: session.seq++,
          channel: reply.channel,
          text: reply.text,
          startMs: reply.startMs,
          endMs: reply.endMs,
          at: Date.now(),
          recognition: { decodeMs: reply.decodeMs, encoderMs: reply.encoderMs, tokens: reply.tokens },
        };
        if (line.channel === 'candidate' && line.text.trim()) session.answered = true;
        await saveLine(line);
        platform.broadcast({ kind: 'line', line });
        return;
      }
      case 'pace':
        if (!reply.partials) platform.broadcast({ kind: 'notice', message: slowRecognitionNotice(reply.decodeMs) });
        return;
      case 'flushed':
        onFlushed?.();
        return;
      case 'error':
        platform.broadcast({ kind: 'error', message: reply.message, fatal: reply.fatal });
        if (reply.fatal) {
          loadedModel = null;
          await stop('error', reply.message);
        }
        return;
      default: {
        const unhandled: never = reply;
        return unhandled;
      }
    }
  }

  return {
    async handle(message: RuntimeMessage): Promise<void> {
      if (message.type === 'offscreen/start') await start(message);
      else if (message.type === 'offscreen/stop') await stop('user');
    },
    onWorkerReply,
  };
}
