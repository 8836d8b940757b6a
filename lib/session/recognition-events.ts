import { slowRecognitionNotice } from '../asr/recognition-pace';
import type { SessionEvent } from '../messaging/runtime-messages';
import type { RecognitionReply } from '../messaging/worker-messages';

/** The replies the capture acts on itself; every other one is passed to the panel. */
export type CaptureReply = Extract<RecognitionReply, { status: 'final' | 'partial' | 'flushed' | 'error' }>;

/**
 * What the panel is told of the model loading and of speech being heard; undefined when
 * there is nothing to say (a device that keeps up with partial lines).
 */
export function recognitionEvent(reply: Exclude<RecognitionReply, CaptureReply>): SessionEvent | undefined {
  switch (reply.status) {
    case 'progress':
      return { kind: 'model-progress', file: reply.file, loaded: reply.loaded, total: reply.total };
    case 'ready':
      return { kind: 'model-ready', device: reply.device, loadMs: reply.loadMs };
    case 'speech-start':
      return { kind: 'speech-start', channel: reply.channel };
    case 'pace':
      return reply.partials ? undefined : { kind: 'notice', message: slowRecognitionNotice(reply.decodeMs) };
    default: {
      const unhandled: never = reply;
      return unhandled;
    }
  }
}

/** A partial line, named by its session and where its utterance began, so the owner can tie it to its line. */
export function partialEvent(sessionId: string, reply: Extract<RecognitionReply, { status: 'partial' }>): SessionEvent {
  const { channel, text, startMs, endMs } = reply;
  return { kind: 'partial', sessionId, channel, text, startMs, endMs };
}
