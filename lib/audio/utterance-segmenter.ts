export interface SegmenterOptions {
  sampleRate: number;
  /** Samples per frame; Silero v5 takes 512 at 16 kHz (32 ms). */
  frameSamples: number;
  /** A frame at or above this speech probability is speech. */
  speechThreshold: number;
  /** A frame below this probability counts towards the silence that ends an utterance. */
  silenceThreshold: number;
  /** Silence that ends an utterance. */
  minSilenceMs: number;
  /** Speech shorter than this is a cough or a click, not an utterance. */
  minSpeechMs: number;
  /** Longest utterance; Whisper reads 30 s windows, so cut before. */
  maxUtteranceMs: number;
  /** Audio kept before the first and after the last speech frame. */
  padMs: number;
}

export const DEFAULT_SEGMENTER_OPTIONS: SegmenterOptions = {
  sampleRate: 16_000,
  frameSamples: 512,
  speechThreshold: 0.5,
  silenceThreshold: 0.35,
  minSilenceMs: 700,
  minSpeechMs: 250,
  maxUtteranceMs: 28_000,
  padMs: 250,
};

export type SegmenterEvent =
  | { type: 'speech-start'; startMs: number }
  | {
      type: 'utterance';
      audio: Float32Array;
      startMs: number;
      endMs: number;
      reason: 'silence' | 'max-length' | 'flush';
    }
  | { type: 'discarded'; startMs: number; reason: 'too-short' };

function concat(frames: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(frames.reduce((total, frame) => total + frame.length, 0));
  let offset = 0;
  for (const frame of frames) {
    out.set(frame, offset);
    offset += frame.length;
  }
  return out;
}

/**
 * Cuts a stream of frames, each with its speech probability, into utterances.
 * Silence is never sent on: an utterance keeps only `padMs` around its speech, and a
 * stretch without enough speech is dropped.
 */
export class UtteranceSegmenter {
  options: SegmenterOptions;
  private readonly frameMs: number;
  private padFrames: number;
  private frameIndex = 0;
  private idleFrames: Float32Array[] = [];
  private active: {
    frames: Float32Array[];
    startFrame: number;
    lastSpeech: number;
    speechFrames: number;
    silenceRun: number;
    /** A shorter pause that ends this utterance, until speech resumes (see `endSooner`). */
    soonerSilenceMs?: number;
  } | null = null;

  constructor(options: Partial<SegmenterOptions> = {}) {
    this.options = { ...DEFAULT_SEGMENTER_OPTIONS, ...options };
    this.frameMs = (this.options.frameSamples / this.options.sampleRate) * 1000;
    this.padFrames = Math.round(this.options.padMs / this.frameMs);
  }

  /** New pause, length and padding settings; they apply from the next frame (the frame size stays). */
  reconfigure(options: Partial<Pick<SegmenterOptions, 'minSilenceMs' | 'maxUtteranceMs' | 'padMs'>>): void {
    this.options = { ...this.options, ...options };
    this.padFrames = Math.round(this.options.padMs / this.frameMs);
  }

  /**
   * Ends the utterance in progress after a shorter pause than usual, as long as no more speech
   * comes: what was said so far already reads as a whole question. Speech after this call
   * restores the usual pause (the speaker had not finished). Never lengthens the pause.
   */
  endSooner(minSilenceMs: number): void {
    if (this.active && minSilenceMs < this.options.minSilenceMs) this.active.soonerSilenceMs = minSilenceMs;
  }

  /** Moves the clock past audio that was captured but never given (dropped while a model loaded). */
  skip(ms: number): void {
    if (this.active) throw new Error('cannot skip audio inside an utterance');
    this.frameIndex += Math.round(ms / this.frameMs);
  }

  /** Time at the end of the frames pushed so far. */
  get elapsedMs(): number {
    return this.frameIndex * this.frameMs;
  }

  /** The utterance still being spoken, for a partial transcript; null between utterances. */
  activeAudio(): Float32Array | null {
    return this.active ? concat(this.active.frames.slice(0, this.active.lastSpeech + 1)) : null;
  }

  push(frame: Float32Array, speechProbability: number): SegmenterEvent[] {
    const events: SegmenterEvent[] = [];
    const index = this.frameIndex++;
    const isSpeech = speechProbability >= this.options.speechThreshold;

    if (!this.active) {
      if (!isSpeech) {
        this.idleFrames.push(frame);
        if (this.idleFrames.length > this.padFrames) this.idleFrames.shift();
        return events;
      }
      const frames = [...this.idleFrames, frame];
      this.idleFrames = [];
      this.active = {
        frames,
        startFrame: index - frames.length + 1,
        lastSpeech: frames.length - 1,
        speechFrames: 1,
        silenceRun: 0,
      };
      events.push({ type: 'speech-start', startMs: this.active.startFrame * this.frameMs });
      return events;
    }

    const active = this.active;
    active.frames.push(frame);
    if (isSpeech) {
      active.speechFrames++;
      active.lastSpeech = active.frames.length - 1;
      active.silenceRun = 0;
      active.soonerSilenceMs = undefined;
    } else if (speechProbability < this.options.silenceThreshold) {
      active.silenceRun++;
    }
    if (active.silenceRun * this.frameMs >= (active.soonerSilenceMs ?? this.options.minSilenceMs)) {
      events.push(this.finish('silence'));
    } else if (active.frames.length * this.frameMs >= this.options.maxUtteranceMs) {
      events.push(this.finish('max-length'));
    }
    return events;
  }

  /** Ends the utterance in progress, if any (capture stopped). */
  flush(): SegmenterEvent[] {
    return this.active ? [this.finish('flush')] : [];
  }

  private finish(reason: 'silence' | 'max-length' | 'flush'): SegmenterEvent {
    const active = this.active!;
    this.active = null;
    const keep =
      reason === 'max-length'
        ? active.frames.length
        : Math.min(active.frames.length, active.lastSpeech + 1 + this.padFrames);
    // What follows the kept audio may lead into the next utterance.
    this.idleFrames = active.frames.slice(keep).slice(-this.padFrames);
    const startMs = active.startFrame * this.frameMs;
    if (active.speechFrames * this.frameMs < this.options.minSpeechMs) {
      return { type: 'discarded', startMs, reason: 'too-short' };
    }
    return {
      type: 'utterance',
      audio: concat(active.frames.slice(0, keep)),
      startMs,
      endMs: startMs + keep * this.frameMs,
      reason,
    };
  }
}
