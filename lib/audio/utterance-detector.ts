import { UtteranceSegmenter, type SegmenterEvent, type SegmenterOptions } from './utterance-segmenter';

/** A voice-activity model: Silero through ONNX Runtime in the extension and in tests. */
export interface SpeechModel {
  process(frame: Float32Array): Promise<{ isSpeech: number }>;
  reset_state(): void;
}

/**
 * Runs 16 kHz mono audio of any chunk size through a speech model frame by frame
 * and cuts it into utterances.
 */
export class UtteranceDetector {
  readonly segmenter: UtteranceSegmenter;
  private pending = new Float32Array(0);

  constructor(
    private readonly model: SpeechModel,
    options: Partial<SegmenterOptions> = {},
  ) {
    this.segmenter = new UtteranceSegmenter(options);
  }

  async push(samples: Float32Array): Promise<SegmenterEvent[]> {
    const { frameSamples } = this.segmenter.options;
    const merged = new Float32Array(this.pending.length + samples.length);
    merged.set(this.pending);
    merged.set(samples, this.pending.length);
    const events: SegmenterEvent[] = [];
    let offset = 0;
    for (; offset + frameSamples <= merged.length; offset += frameSamples) {
      const frame = merged.slice(offset, offset + frameSamples);
      const { isSpeech } = await this.model.process(frame);
      events.push(...this.segmenter.push(frame, isSpeech));
    }
    this.pending = merged.slice(offset);
    return events;
  }

  /** Ends the utterance in progress and clears the model state (capture stopped). */
  flush(): SegmenterEvent[] {
    const events = this.segmenter.flush();
    this.pending = new Float32Array(0);
    this.model.reset_state();
    return events;
  }
}
