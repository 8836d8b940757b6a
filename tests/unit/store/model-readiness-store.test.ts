import { describe, expect, it } from 'vitest';
import { hubFileUrl, whisperFiles } from '@/lib/asr/model-download';
import { SENTENCE_MODEL, sentenceModelFiles, sentenceModelLocation } from '@/lib/semantic/sentence-model';
import { createModelReadinessStore } from '@/lib/store/model-readiness-store';
import { fakeHost, memoryDownloadStore } from '../../fakes/model-host';

const HUB = 'onnx-community/whisper-tiny.en';
const body = (size: number) => Uint8Array.from({ length: size }, (_, i) => i % 200);
/** Every file of the default model on WASM, small; the encoder is the one big file. */
const bodies = Object.fromEntries(
  whisperFiles('wasm').map((file) => [
    hubFileUrl(HUB, file),
    file.endsWith('.json') ? new TextEncoder().encode('{}') : body(file.includes('encoder') ? 40_000 : 2_000),
  ]),
);

function storeOver(host: ReturnType<typeof fakeHost>, downloads = memoryDownloadStore()) {
  return {
    downloads,
    readiness: createModelReadinessStore({
      store: downloads.store,
      fetch: host.fetch,
      resolveDevice: async () => 'wasm',
    }),
  };
}

describe('model readiness', () => {
  it('goes from missing to ready through a download, and is ready at the next check', async () => {
    const { readiness, downloads } = storeOver(fakeHost(bodies));
    await readiness.getState().check('tiny.en', 'auto');
    expect(readiness.getState().readiness).toEqual({ phase: 'missing', loaded: 0 });
    await readiness.getState().download();
    expect(readiness.getState().readiness).toEqual({ phase: 'ready' });

    const again = storeOver(fakeHost({}), downloads).readiness;
    await again.getState().check('tiny.en', 'wasm');
    expect(again.getState().readiness).toEqual({ phase: 'ready' });
  });

  it('pauses on cancel with what arrived kept, and a later check offers to resume it', async () => {
    const { readiness, downloads } = storeOver(fakeHost(bodies));
    await readiness.getState().check('tiny.en', 'auto');
    const unsubscribe = readiness.subscribe((state) => {
      if (state.readiness.phase === 'downloading' && state.readiness.loaded > 10_000) readiness.getState().cancel();
    });
    await readiness.getState().download();
    unsubscribe();
    const paused = readiness.getState().readiness;
    expect(paused).toMatchObject({
      phase: 'paused',
      message: 'Download paused. What arrived is kept for when you resume.',
      failed: false,
    });

    const reopened = storeOver(fakeHost(bodies), downloads).readiness;
    await reopened.getState().check('tiny.en', 'auto');
    expect(reopened.getState().readiness).toEqual({ phase: 'missing', loaded: (paused as { loaded: number }).loaded });
    expect((paused as { loaded: number }).loaded).toBeGreaterThan(0);
  });

  it('says the host refused, in words, and stays resumable', async () => {
    const host = fakeHost(bodies, { status: (url) => (url.endsWith('.onnx') ? 503 : undefined) });
    const { readiness } = storeOver(host);
    await readiness.getState().check('tiny.en', 'auto');
    await readiness.getState().download();
    expect(readiness.getState().readiness).toMatchObject({
      phase: 'paused',
      failed: true,
      message: expect.stringMatching(
        /^The download failed: the model host answered 503 for onnx\/encoder_model_quantized\.onnx\./,
      ),
    });
  });

  it('offline from the start: says the host could not be reached, not that a connection dropped', async () => {
    const offline = Object.assign(fakeHost(bodies), {
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const { readiness } = storeOver(offline);
    await readiness.getState().check('tiny.en', 'auto');
    await readiness.getState().download();
    const actual = readiness.getState().readiness;
    expect(actual).toMatchObject({ phase: 'paused', failed: true, loaded: 0 });
    expect((actual as { message: string }).message).toBe(
      'Cuecard could not reach the model host (huggingface.co). Are you offline? Press Try again when you are online, or use a local model folder.',
    );
  });

  it('a connection that drops after bytes arrived says so', async () => {
    const { readiness } = storeOver(fakeHost(bodies, { dropAfter: 9_000 }));
    await readiness.getState().check('tiny.en', 'auto');
    await readiness.getState().download();
    expect(readiness.getState().readiness).toMatchObject({
      phase: 'paused',
      failed: true,
      message: expect.stringMatching(/^The connection dropped during the download\. What arrived is kept/),
    });
  });

  it('needs no download for a local folder, and a newer choice stops the older download without being overwritten by it', async () => {
    const { readiness } = storeOver(fakeHost(bodies));
    await readiness.getState().check('tiny.en', 'auto');
    const download = readiness.getState().download();
    await readiness.getState().check('local:my-whisper', 'auto');
    await download;
    expect(readiness.getState().readiness).toEqual({ phase: 'local' });
  });
});

describe('model readiness without usable storage', () => {
  it('reads as missing, and a download says what stopped it instead of blaming the connection', async () => {
    const broken = memoryDownloadStore().store;
    broken.storedSize = async () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    broken.readParts = broken.storedSize as never;
    const readiness = createModelReadinessStore({
      store: broken,
      fetch: fakeHost(bodies).fetch,
      resolveDevice: async () => 'wasm',
    });
    await readiness.getState().check('tiny.en', 'auto');
    expect(readiness.getState().readiness).toEqual({ phase: 'missing', loaded: 0 });
    await readiness.getState().download();
    expect(readiness.getState().readiness).toEqual({
      phase: 'paused',
      loaded: 0,
      failed: true,
      message: 'The download stopped: The operation is insecure. What arrived is kept; press Try again.',
    });
  });
});

describe('model readiness for the sentence model', () => {
  const sentenceBodies = Object.fromEntries(
    sentenceModelFiles('q8').map((file) => [
      hubFileUrl(SENTENCE_MODEL, file),
      file.endsWith('.json') ? new TextEncoder().encode('{}') : body(30_000),
    ]),
  );
  const sentenceStore = (host: ReturnType<typeof fakeHost>, downloads = memoryDownloadStore()) =>
    createModelReadinessStore({
      store: downloads.store,
      fetch: host.fetch,
      resolveDevice: async () => 'webgpu',
      locate: sentenceModelLocation,
    });

  it('downloads exactly the files the feature-extraction pipeline reads, beside a stored speech model, whatever the device', async () => {
    const downloads = memoryDownloadStore();
    const speech = storeOver(fakeHost(bodies), downloads).readiness;
    await speech.getState().check('tiny.en', 'auto');
    await speech.getState().download();
    const host = fakeHost(sentenceBodies);
    const sentence = sentenceStore(host, downloads);
    await sentence.getState().check(SENTENCE_MODEL, 'auto');
    expect(sentence.getState().readiness).toEqual({ phase: 'missing', loaded: 0 });
    await sentence.getState().download();
    expect(sentence.getState().readiness).toEqual({ phase: 'ready' });
    expect(new Set(host.requests.map((request) => request.url))).toEqual(new Set(Object.keys(sentenceBodies)));

    const again = sentenceStore(fakeHost({}), downloads);
    await again.getState().check(SENTENCE_MODEL, 'wasm');
    expect(again.getState().readiness).toEqual({ phase: 'ready' });
    // The speech model's own check still sees only its files.
    const speechAgain = storeOver(fakeHost({}), downloads).readiness;
    await speechAgain.getState().check('tiny.en', 'auto');
    expect(speechAgain.getState().readiness).toEqual({ phase: 'ready' });
  });
});
