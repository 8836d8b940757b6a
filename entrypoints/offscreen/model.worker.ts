// A model worker (recognition across workers): the speech model in an ONNX Runtime of its own,
// decoding the utterances the recognition worker sends. Its logic is lib/asr/model-host.
import { createModelHost } from '@/lib/asr/model-host';
import { workerRequestSchema, type WorkerReply } from '@/lib/messaging/worker-messages';
import { loadSpeechModel } from './load-speech-model';

const post = (reply: WorkerReply) => self.postMessage(reply);
const host = createModelHost({ loadTranscriber: (request) => loadSpeechModel(request, post), post });

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = workerRequestSchema.safeParse(event.data);
  if (parsed.success && (parsed.data.type === 'load' || parsed.data.type === 'transcribe'))
    void host.handle(parsed.data);
};
