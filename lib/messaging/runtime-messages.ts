import { z } from 'zod';

/**
 * Every message between the side panel, the background service worker and the
 * offscreen document: one validated union. Anything that does not parse is dropped.
 */

export const channelSchema = z.enum(['interviewer', 'candidate']);
export type Channel = z.infer<typeof channelSchema>;

/** How utterances are cut; bounds keep a bad stored value from breaking recognition. */
export const vadSettingsSchema = z.object({
  minSilenceMs: z.number().int().min(200).max(3_000),
  maxUtteranceMs: z.number().int().min(3_000).max(29_000),
  padMs: z.number().int().min(0).max(1_000),
});
export type VadSettings = z.infer<typeof vadSettingsSchema>;

/** Where Whisper runs: the user's preference ("auto" picks), and what a load ends up on. */
const devicePreferenceSchema = z.enum(['auto', 'webgpu', 'wasm']);
export type DevicePreference = z.infer<typeof devicePreferenceSchema>;
export const runDeviceSchema = devicePreferenceSchema.exclude(['auto']);
export type RunDevice = z.infer<typeof runDeviceSchema>;

export const asrSettingsSchema = z.object({
  /** A hub model id ("onnx-community/whisper-tiny.en") or the name of a stored local folder. */
  model: z.string().min(1).max(200),
  source: z.enum(['hub', 'local']),
  device: devicePreferenceSchema,
  vad: vadSettingsSchema,
});
export type AsrSettings = z.infer<typeof asrSettingsSchema>;

const transcriptLineSchema = z.object({
  sessionId: z.string(),
  seq: z.number().int().nonnegative(),
  channel: channelSchema,
  text: z.string(),
  startMs: z.number(),
  endMs: z.number(),
  /** Wall-clock time the line was final, for the session log. */
  at: z.number(),
  /** What recognising the line cost on this device (absent in sessions recorded before it was kept). */
  recognition: z
    .object({ decodeMs: z.number(), encoderMs: z.number(), tokens: z.number().int().nonnegative() })
    .optional(),
});
export type TranscriptLine = z.infer<typeof transcriptLineSchema>;

/** What has been heard so far of an utterance still being spoken; `startMs` is the utterance's, as its final line will carry it. */
const partialLineSchema = z.object({
  sessionId: z.string(),
  channel: channelSchema,
  text: z.string(),
  startMs: z.number(),
  /** The end of the audio heard so far. */
  endMs: z.number(),
});
export type PartialLine = z.infer<typeof partialLineSchema>;

/** A question card the session owner showed: the card, or an earlier question of the same turn. */
const shownCardSchema = z.object({
  /** The transcript line (seq) that brought the card; with the session and entry, the card's identity. -1 before any line. */
  line: z.number().int().min(-1),
  entryId: z.string(),
  question: z.string(),
  confidence: z.number(),
  /** Close runners-up, offered to pick from when the match was a close call. */
  alternatives: z.array(z.object({ entryId: z.string(), question: z.string(), score: z.number() })),
  /** What the interviewer said, as the matcher read it. */
  heard: z.string(),
  at: z.number(),
});
export type ShownCard = z.infer<typeof shownCardSchema>;

/** Entries close to what was just asked, offered as "Did they ask…?" chips. */
const nearMissOfferSchema = z.object({
  /** The line the chips are for: a picked chip becomes that line's card. */
  line: z.number().int().min(-1),
  entries: z.array(z.object({ entryId: z.string(), question: z.string() })),
  /** What the interviewer said, as the matcher read it: taught as a phrasing when a chip is picked. */
  heard: z.string(),
  at: z.number(),
});
export type NearMissOffer = z.infer<typeof nearMissOfferSchema>;

const sessionEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('model-progress'), file: z.string(), loaded: z.number(), total: z.number() }),
  z.object({ kind: z.literal('model-ready'), device: runDeviceSchema, loadMs: z.number() }),
  z.object({ kind: z.literal('capturing'), sessionId: z.string(), withMicrophone: z.boolean() }),
  z.object({ kind: z.literal('speech-start'), channel: channelSchema }),
  partialLineSchema.extend({ kind: z.literal('partial') }),
  z.object({ kind: z.literal('line'), line: transcriptLineSchema }),
  // From the session owner (background), after it read a line: new cards, or chips for a close call.
  z.object({ kind: z.literal('cards'), sessionId: z.string(), cards: z.array(shownCardSchema).min(1) }),
  z.object({ kind: z.literal('near-misses'), sessionId: z.string(), offer: nearMissOfferSchema }),
  // From the session owner, before the pause: a confident card on a partial line of the interviewer's utterance
  // that began at startMs, shown as provisional (`replaces`: the entry of that utterance's card it replaces, once).
  z.object({
    kind: z.literal('provisional-card'),
    sessionId: z.string(),
    startMs: z.number(),
    card: shownCardSchema,
    replaces: z.string().optional(),
  }),
  // From the session owner, in place of 'cards' for a line that settles a provisional card: what became of it
  // (lib/session/provisional-card.ts) and the line's cards, as 'cards' would carry them (none when nothing was confident).
  z.object({
    kind: z.literal('provisional-settled'),
    sessionId: z.string(),
    startMs: z.number(),
    outcome: z.enum(['confirmed', 'replaced', 'kept', 'not-confirmed']),
    cards: z.array(shownCardSchema),
  }),
  // From the session owner: the card a user picked in one panel, so every panel shows it (`replaces`: the entry of the same line's card it corrects).
  z.object({
    kind: z.literal('card-chosen'),
    sessionId: z.string(),
    card: shownCardSchema,
    replaces: z.string().optional(),
  }),
  z.object({ kind: z.literal('no-audio'), seconds: z.number() }),
  z.object({ kind: z.literal('notice'), message: z.string() }),
  z.object({
    kind: z.literal('stopped'),
    reason: z.enum(['user', 'tab-ended', 'error']),
    message: z.string().optional(),
  }),
  z.object({ kind: z.literal('error'), message: z.string(), fatal: z.boolean() }),
]);
export type SessionEvent = z.infer<typeof sessionEventSchema>;

const runtimeMessageSchema = z.discriminatedUnion('type', [
  // side panel → background
  // tabId null: a drill, with the microphone only and no tab.
  z.object({
    type: z.literal('session/start'),
    tabId: z.number().int().nullable(),
    withMicrophone: z.boolean(),
    asr: asrSettingsSchema,
  }),
  z.object({ type: z.literal('session/stop') }),
  z.object({ type: z.literal('session/status') }),
  /** The user picked the card (an alternative, a chip, a drill question): the owner records it and reads follow-ups against it. */
  z.object({
    type: z.literal('session/choose'),
    sessionId: z.string(),
    card: shownCardSchema,
    replaces: z.string().optional(),
  }),
  // background → offscreen document
  z.object({
    type: z.literal('offscreen/start'),
    sessionId: z.string(),
    /** The tab's stream; null for a drill, which captures the microphone only. */
    streamId: z.string().nullable(),
    withMicrophone: z.boolean(),
    asr: asrSettingsSchema,
  }),
  z.object({ type: z.literal('offscreen/stop') }),
  /** Sentence vectors from the optional sentence model in the recognition worker; answered with an EmbedReply. */
  z.object({ type: z.literal('offscreen/embed'), texts: z.array(z.string().max(2_000)).min(1).max(512) }),
  // offscreen document → side panel (and background, which keeps the status)
  z.object({ type: z.literal('session/event'), event: sessionEventSchema }),
]);
export type RuntimeMessage = z.infer<typeof runtimeMessageSchema>;

const sessionStatusSchema = z.union([
  z.object({ state: z.literal('idle') }),
  z.object({
    state: z.enum(['starting', 'capturing']),
    sessionId: z.string(),
    tabId: z.number().int().nullable(),
    startedAt: z.number(),
  }),
]);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/** The background's answer to a command: the session's status, or what went wrong, in words for the panel. */
const commandReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), status: sessionStatusSchema }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type CommandReply = z.infer<typeof commandReplySchema>;

/** The commands the background answers; every other message gets no reply. */
export type Command = Extract<
  RuntimeMessage,
  { type: 'session/start' | 'session/stop' | 'session/status' | 'session/choose' }
>;
const COMMAND_TYPES: ReadonlySet<RuntimeMessage['type']> = new Set<Command['type']>([
  'session/start',
  'session/stop',
  'session/status',
  'session/choose',
]);

/** Whether the background answers this message (and so keeps its channel open). */
export function isCommand(message: RuntimeMessage): message is Command {
  return COMMAND_TYPES.has(message.type);
}

/** The offscreen document's answer to `offscreen/embed` (vectors as plain arrays: runtime messages are JSON). */
const embedReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), vectors: z.array(z.array(z.number())) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type EmbedReply = z.infer<typeof embedReplySchema>;

/** The reply, validated, or null for anything malformed. */
export function parseEmbedReply(value: unknown): EmbedReply | null {
  const parsed = embedReplySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The reply, validated, or null for anything malformed. */
export function parseCommandReply(value: unknown): CommandReply | null {
  const parsed = commandReplySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The reply for a command whose handling threw: what failed, and what the user can do. */
export function commandFailed(error: unknown): CommandReply {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    message: `Cuecard’s background failed (${reason}). Try again; if it keeps failing, reload Cuecard on chrome://extensions.`,
  };
}

/** The message, validated, or null for anything malformed or unknown. */
export function parseRuntimeMessage(value: unknown): RuntimeMessage | null {
  const parsed = runtimeMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Only the extension's own pages may send commands: not content scripts, not other extensions. */
export function isFromOwnExtensionPage(
  sender: { id?: string; url?: string },
  extensionId: string,
  extensionOrigin: string,
): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
