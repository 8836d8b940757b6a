import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { knowledgePacksPlugin } from './scripts/knowledge-packs-plugin';
import { ICON_SIZES, renderIcons } from './scripts/render-icons';

/**
 * Test builds (CUECARD_E2E=1) get a fixed key, so the extension id is known and
 * Chromium can be told to let it capture tabs without a toolbar click; release
 * builds never carry it.
 */
const E2E = process.env.CUECARD_E2E === '1';
/** Public half of a key made for the tests; its extension id is E2E_EXTENSION_ID in tests/e2e. */
const E2E_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAupl08AKkGR6kZMn7Wzp8My0rEZuMIPbSwFwlIc69OhkdNDzJWSUU5yCtDyP2RZAsC6RM0dYs2XBta8kLK3KdxxKvAmjhRsD2tEi8Z/jSeSifajOOs4UCgoYHigIK9EGuipr6FnwG6fiBKSTAM2I2OyaKhc+pDswtzhAiIV6/uFzEmrLR2sh/FGcqRTANbZQHpviX1NzlpY6Sx8A2Tv69Xv0zdPeYaTxW9esKyLPktptBRMuvyYJWCJYo3/i9BsP3hX1iBE5riZB31aqly6w58Oke02PCzRN3hKr9cejpb/qGzteg8k0SDbJvfdTc8vWoVrOQaI5+DMzlcWRYb10IawIDAQAB';

/** Files loaded at run time that must ship inside the extension (no remote code under MV3). */
const RUNTIME_ASSETS = [
  // ONNX Runtime's asyncify build for WebGPU, its plain SIMD build for WASM alone (faster there:
  // lib/asr/choose-device.ts `runtimeFilesFor`).
  ['node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.mjs', 'ort/ort-wasm-simd-threaded.asyncify.mjs'],
  [
    'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.wasm',
    'ort/ort-wasm-simd-threaded.asyncify.wasm',
  ],
  ['node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.mjs', 'ort/ort-wasm-simd-threaded.mjs'],
  ['node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', 'ort/ort-wasm-simd-threaded.wasm'],
  ['node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx', 'vad/silero_vad_v5.onnx'],
] as const;

/** Icon files in the build, drawn from public/icon.svg by the publicAssets hook below. */
const ICON_PATHS = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  outDir: E2E ? '.output-e2e' : '.output',
  manifest: {
    name: 'Cuecard',
    description: 'Local-first mock-interview copilot: hints for the question you were just asked.',
    // tabCapture + offscreen: hear the interview tab; sidePanel: the UI; storage: settings and packs;
    // unlimitedStorage: model files and session transcripts in IndexedDB without eviction.
    // activeTab + scripting: read the page the user clicked Cuecard on, for "Import questions from this page".
    permissions: ['sidePanel', 'storage', 'unlimitedStorage', 'tabCapture', 'offscreen', 'activeTab', 'scripting'],
    icons: ICON_PATHS,
    action: { default_title: 'Open Cuecard', default_icon: ICON_PATHS },
    content_security_policy: {
      // WebAssembly for ONNX Runtime; nothing else beyond the MV3 default.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    // The tests cannot click the toolbar button, so the test build may read the local test server's pages.
    ...(E2E ? { key: E2E_PUBLIC_KEY, host_permissions: ['http://127.0.0.1/*'] } : {}),
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const [source, destination] of RUNTIME_ASSETS) {
        files.push({ absoluteSrc: resolve(source), relativeDest: destination });
      }
      for (const { size, path } of renderIcons()) files.push({ absoluteSrc: path, relativeDest: `icon/${size}.png` });
    },
  },
  vite: () => ({
    plugins: [knowledgePacksPlugin()],
    // Use ONNX Runtime's separate .wasm files (shipped above) instead of a second, inlined copy.
    resolve: { conditions: ['onnxruntime-web-use-extern-wasm'] },
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 2_000 },
  }),
});
