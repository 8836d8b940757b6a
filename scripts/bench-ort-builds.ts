/**
 * ONNX Runtime Web's two WASM builds, side by side in Chromium, on the real-architecture speech models:
 *   npm run bench:ort-builds
 * "asyncify" is the build the extension shipped for everything (ort-wasm-simd-threaded.asyncify.*: it
 * carries the WebGPU execution provider, and Asyncify to let WASM wait for the GPU); "plain" is
 * ort-wasm-simd-threaded.* (WASM only). Both are driven by the same JavaScript (transformers.js's
 * `onnxruntime-web/webgpu`), the plain one through `env.wasm.wasmPaths = { mjs, wasm }`, each in a
 * fresh module worker, one thread (as in the extension: no cross-origin isolation), q8 weights. The
 * builds alternate round by round so that load on a shared machine falls on both alike; the figures
 * to compare are the ratios. Per model: encoder run (a 3.3 s question), decoder first step, decoder
 * step with cache.
 */
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { percentile, round, runCli } from './cli-support';
import { ensureRandomMoonshine, ensureRandomWhisper } from './generated-models';
import { chromiumPath, QUIET_CHROMIUM_ARGS } from '../tests/e2e/launch-extension';

const ORT_DIST = resolve('node_modules/onnxruntime-web/dist');
const ROUNDS = 4;
const RUNS_PER_ROUND = 3;
const CACHED_STEPS = 12;
const BUILDS = {
  asyncify: { mjs: 'ort-wasm-simd-threaded.asyncify.mjs', wasm: 'ort-wasm-simd-threaded.asyncify.wasm' },
  plain: { mjs: 'ort-wasm-simd-threaded.mjs', wasm: 'ort-wasm-simd-threaded.wasm' },
} as const;

/** Runs in a module worker: one build, both models, timings in ms. */
const WORKER = `
import * as ort from '/ort/ort.webgpu.min.mjs';
self.onmessage = async ({ data: { build, models, runs, cachedSteps } }) => {
  try {
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.wasmPaths = { mjs: location.origin + '/ort/' + build.mjs, wasm: location.origin + '/ort/' + build.wasm };
    const result = {};
    for (const model of models) {
      const options = { executionProviders: ['wasm'] };
      const encoder = await ort.InferenceSession.create(model.url + '/onnx/encoder_model_quantized.onnx', options);
      const decoder = await ort.InferenceSession.create(model.url + '/onnx/decoder_model_merged_quantized.onnx', options);
      const input = new ort.Tensor('float32', Float32Array.from({ length: model.inputShape.reduce((a, b) => a * b) }, (_, i) => Math.sin(i / 7) * 0.1), model.inputShape);
      const times = { encoder: [], firstStep: [], cachedStep: [] };
      for (let run = 0; run < runs + 1; run++) {
        let start = performance.now();
        const { last_hidden_state } = await encoder.run({ [model.inputName]: input });
        const encoderMs = performance.now() - start;
        const empty = (layer, part) => new ort.Tensor('float32', new Float32Array(0), [1, model.heads, 0, model.headDim]);
        const feeds = { input_ids: new ort.Tensor('int64', BigInt64Array.from(model.prompt.map(BigInt)), [1, model.prompt.length]), encoder_hidden_states: last_hidden_state, use_cache_branch: new ort.Tensor('bool', [false], [1]) };
        for (let i = 0; i < model.layers; i++) for (const part of ['decoder', 'encoder']) for (const kv of ['key', 'value']) feeds['past_key_values.' + i + '.' + part + '.' + kv] = empty();
        start = performance.now();
        const first = await decoder.run(feeds);
        const firstMs = performance.now() - start;
        const past = {};
        for (const name of Object.keys(first)) if (name.startsWith('present.')) past[name.replace('present.', 'past_key_values.')] = first[name];
        let cachedMs = 0;
        for (let step = 0; step < cachedSteps; step++) {
          const stepFeeds = { ...past, input_ids: new ort.Tensor('int64', [BigInt(model.prompt[0] + step + 3)], [1, 1]), encoder_hidden_states: last_hidden_state, use_cache_branch: new ort.Tensor('bool', [true], [1]) };
          start = performance.now();
          const out = await decoder.run(stepFeeds);
          cachedMs += performance.now() - start;
          for (const name of Object.keys(out)) if (name.startsWith('present.') && name.includes('.decoder.')) past[name.replace('present.', 'past_key_values.')] = out[name];
        }
        if (run === 0) continue; // the first run builds the graphs
        times.encoder.push(encoderMs);
        times.firstStep.push(firstMs);
        times.cachedStep.push(cachedMs / cachedSteps);
      }
      await encoder.release();
      await decoder.release();
      result[model.name] = times;
    }
    self.postMessage({ result });
  } catch (error) {
    self.postMessage({ error: String(error && error.stack || error) });
  }
};
`;

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
window.runBuild = (build, models, runs, cachedSteps) => new Promise((resolve) => {
  const worker = new Worker('/probe-worker.mjs', { type: 'module' });
  worker.onmessage = ({ data }) => { worker.terminate(); resolve(data); };
  worker.onerror = (event) => { worker.terminate(); resolve({ error: event.message }); };
  worker.postMessage({ build, models, runs, cachedSteps });
});
</script>`;

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.html': 'text/html',
  '.onnx': 'application/octet-stream',
  '.json': 'application/json',
};

runCli(async () => {
  const folders = { whisper: ensureRandomWhisper(), moonshine: ensureRandomMoonshine() };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file =
      path === '/'
        ? null
        : path === '/probe-worker.mjs'
          ? null
          : path.startsWith('/ort/')
            ? join(ORT_DIST, path.slice(5))
            : path.startsWith('/models/')
              ? join(resolve('test-output/models'), path.slice(8))
              : undefined;
    const body =
      path === '/'
        ? PAGE
        : path === '/probe-worker.mjs'
          ? WORKER
          : file && existsSync(file)
            ? readFileSync(file)
            : undefined;
    if (body === undefined) return void response.writeHead(404).end();
    response
      .writeHead(200, { 'content-type': TYPES[extname(path)] ?? (path === '/' ? 'text/html' : 'text/javascript') })
      .end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  // A model's config.json, read for the few sizes the bench needs; a missing one stops it.
  const readConfig = (folder: string) => {
    const config = JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8')) as Record<string, unknown>;
    return (key: string): number => {
      const value = config[key];
      if (typeof value !== 'number') throw new Error(`${folder}/config.json: no number "${key}"`);
      return value;
    };
  };
  const whisperConfig = readConfig(folders.whisper);
  const moonshineConfig = readConfig(folders.moonshine);
  const models = [
    {
      name: 'whisper-tiny.en',
      url: `http://127.0.0.1:${port}/models/whisper-tiny.en-random`,
      inputName: 'input_features',
      inputShape: [1, whisperConfig('num_mel_bins'), 3000],
      prompt: [whisperConfig('decoder_start_token_id'), 50362],
      layers: whisperConfig('decoder_layers'),
      heads: whisperConfig('decoder_attention_heads'),
      headDim: whisperConfig('d_model') / whisperConfig('decoder_attention_heads'),
    },
    {
      name: 'moonshine-tiny',
      url: `http://127.0.0.1:${port}/models/moonshine-tiny-random`,
      inputName: 'input_values',
      inputShape: [1, Math.round(3.3 * 16_000)],
      prompt: [moonshineConfig('decoder_start_token_id')],
      layers: moonshineConfig('decoder_num_hidden_layers'),
      heads: moonshineConfig('decoder_num_attention_heads'),
      headDim: moonshineConfig('hidden_size') / moonshineConfig('decoder_num_attention_heads'),
    },
  ];
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cuecard-ort-')), {
    executablePath: chromiumPath(),
    headless: true,
    args: QUIET_CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    /** model → "build.stage" → ms */
    const times: Record<string, Record<string, number[]>> = {};
    for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
      const order = roundIndex % 2 === 0 ? (['asyncify', 'plain'] as const) : (['plain', 'asyncify'] as const);
      for (const build of order) {
        const reply = (await page.evaluate(
          ([b, m, r, c]) =>
            (window as unknown as { runBuild: (...args: unknown[]) => Promise<unknown> }).runBuild(b, m, r, c),
          [BUILDS[build], models, RUNS_PER_ROUND, CACHED_STEPS] as const,
        )) as { result?: Record<string, Record<string, number[]>>; error?: string };
        if (reply.error) throw new Error(`${build}: ${reply.error}`);
        for (const [model, stages] of Object.entries(reply.result!)) {
          const forModel = (times[model] ??= {});
          for (const [stage, values] of Object.entries(stages)) (forModel[`${build}.${stage}`] ??= []).push(...values);
        }
      }
    }
    const median = (values: number[]) =>
      percentile(
        [...values].sort((a, b) => a - b),
        0.5,
      );
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Chromium headless, WASM one thread, q8; ${ROUNDS} alternating rounds × ${RUNS_PER_ROUND} runs`,
    );
    for (const [model, stages] of Object.entries(times)) {
      const row: Record<string, number | string> = { model };
      for (const stage of ['encoder', 'firstStep', 'cachedStep']) {
        const [a, p] = [median(stages[`asyncify.${stage}`]!), median(stages[`plain.${stage}`]!)];
        row[`${stage}AsyncifyMs`] = round(a, 1);
        row[`${stage}PlainMs`] = round(p, 1);
        row[`${stage}PlainOverAsyncify`] = round(p / a, 3);
      }
      console.log(JSON.stringify(row));
    }
  } finally {
    await browser.close();
    server.close();
  }
});
