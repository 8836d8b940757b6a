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
  /** Sentence vectors for these texts (the optional sentence model); answered by `vectors` with the same id. */
  z.object({
    type: z.literal('embed'),
    id: z.number().int().nonnegative(),
    texts: z.array(z.string().max(2_000)).min(1).max(20_000),
  }),
  /** Recognition worker → a model worker (recognition across workers): decode one utterance; answered with the same id. */
  z.object({ type: z.literal('transcribe'), id: z.number().int().nonnegative(), audio: z.instanceof(Float32Array) }),
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;
/** What the sentence model handles, beside recognition rather than in its queue. */
export type SentenceRequest = Extract<WorkerRequest, { type: 'embed' }>;
/** What a model worker handles: the speech model's load, then decodes. */
export type ModelRequest = Extract<WorkerRequest, { type: 'load' | 'transcribe' }>;
/** What the recognition host handles, in order. */
export type RecognitionRequest = Exclude<
  WorkerRequest,
  SentenceRequest | Extract<WorkerRequest, { type: 'transcribe' }>
>;

/** Recognition worker → offscreen document. */
export const workerReplySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('progress'), file: z.string(), loaded: z.number(), total: z.number() }),
  z.object({ status: z.literal('ready'), device: runDeviceSchema, loadMs: z.number() }),
  z.object({ status: z.literal('speech-start'), channel: channelSchema, startMs: z.number() }),
  // startMs: where the utterance began (its final line carries the same); endMs: the end of the audio heard so far.
  z.object({
    status: z.literal('partial'),
    channel: channelSchema,
    text: z.string(),
    startMs: z.number(),
    endMs: z.number(),
  }),
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
  /** The answer to `embed`: one vector per text, in order. */
  z.object({
    status: z.literal('vectors'),
    id: z.number().int().nonnegative(),
    vectors: z.array(z.custom<Float32Array>((value) => value instanceof Float32Array)),
  }),
  /** An `embed` that could not be answered (the model would not load): the lexical cards stand alone. */
  z.object({ status: z.literal('embed-failed'), id: z.number().int().nonnegative(), message: z.string() }),
  /** A model worker loaded the speech model; its warm decode took this long. */
  z.object({ status: z.literal('model-ready'), device: runDeviceSchema, warmUpMs: z.number() }),
  /** A model worker's answer to `transcribe`. */
  z.object({
    status: z.literal('transcribed'),
    id: z.number().int().nonnegative(),
    text: z.string(),
    encoderMs: z.number(),
    decoderMs: z.number(),
    tokens: z.number().int().nonnegative(),
  }),
  z.object({ status: z.literal('transcribe-failed'), id: z.number().int().nonnegative(), message: z.string() }),
]);
export type WorkerReply = z.infer<typeof workerReplySchema>;
/** The sentence model's answers. */
export type SentenceReply = Extract<WorkerReply, { status: 'vectors' | 'embed-failed' }>;
/** A model worker's own answers, which only the recognition worker reads. */
export type ModelReply = Extract<WorkerReply, { status: 'model-ready' | 'transcribed' | 'transcribe-failed' }>;
/** Recognition's replies, which the offscreen capture handles. */
export type RecognitionReply = Exclude<WorkerReply, SentenceReply | ModelReply>;

/** Whether a reply is a model worker's own (never sent on to the offscreen document). */
export function isModelReply(reply: WorkerReply): reply is ModelReply {
  return reply.status === 'model-ready' || reply.status === 'transcribed' || reply.status === 'transcribe-failed';
}

/** Whether a reply answers an `embed` request. */
export function isSentenceReply(reply: WorkerReply): reply is SentenceReply {
  return reply.status === 'vectors' || reply.status === 'embed-failed';
}
