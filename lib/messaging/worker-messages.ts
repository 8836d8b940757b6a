import { z } from 'zod';
import { asrSettingsSchema, channelSchema, runDeviceSchema, vadSettingsSchema } from './runtime-messages';

/** Offscreen document → recognition worker. */
export const workerRequestSchema = z.discriminatedUnion('type', [
  asrSettingsSchema.extend({
    type: z.literal('load'),
    /** Where the ONNX Runtime .wasm/.mjs files are inside the extension. */
    wasmPaths: z.string(),
    vadModelUrl: z.string(),
  }),
  z.object({ type: z.literal('audio'), channel: channelSchema, samples: z.instanceof(Float32Array) }),
  z.object({ type: z.literal('flush') }),
  /** The user changed the pause, length or padding: applied to the loaded engine, no reload. */
  z.object({ type: z.literal('segmenter'), vad: vadSettingsSchema }),
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

/** Recognition worker → offscreen document. */
export const workerReplySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('progress'), file: z.string(), loaded: z.number(), total: z.number() }),
  z.object({ status: z.literal('ready'), device: runDeviceSchema, loadMs: z.number() }),
  z.object({ status: z.literal('speech-start'), channel: channelSchema, startMs: z.number() }),
  z.object({ status: z.literal('partial'), channel: channelSchema, text: z.string() }),
  z.object({
    status: z.literal('final'),
    channel: channelSchema,
    text: z.string(),
    startMs: z.number(),
    endMs: z.number(),
    /** Whole decode; of it, the encoder's share and the tokens the decoder generated. */
    decodeMs: z.number(),
    encoderMs: z.number(),
    tokens: z.number().int().nonnegative(),
  }),
  /** Whether partial lines are on at this device's pace (sent once, then on a change). */
  z.object({ status: z.literal('pace'), partials: z.boolean(), decodeMs: z.number() }),
  z.object({ status: z.literal('flushed') }),
  z.object({ status: z.literal('error'), message: z.string(), fatal: z.boolean() }),
]);
export type WorkerReply = z.infer<typeof workerReplySchema>;
