import type { Channel } from '../messaging/runtime-messages';

export interface AudioTap {
  stop(): void;
}

/**
 * Feeds a media stream through the capture worklet (16 kHz mono chunks to `onChunk`).
 * The tab's stream is also played back, because capturing a tab silences it unless
 * its audio is routed to an output; the microphone is never played back.
 */
export async function tapAudio(
  stream: MediaStream,
  channel: Channel,
  workletUrl: string,
  onChunk: (samples: Float32Array<ArrayBuffer>) => void,
  onEnded: () => void,
): Promise<AudioTap> {
  const context = new AudioContext();
  await context.audioWorklet.addModule(workletUrl);
  const source = context.createMediaStreamSource(stream);
  const worklet = new AudioWorkletNode(context, 'cuecard-capture', { numberOfOutputs: 0 });
  worklet.port.onmessage = (event: MessageEvent<Float32Array<ArrayBuffer>>) => onChunk(event.data);
  source.connect(worklet);
  if (channel === 'interviewer') source.connect(context.destination);
  if (context.state === 'suspended') await context.resume();
  for (const track of stream.getAudioTracks()) track.addEventListener('ended', onEnded, { once: true });
  return {
    stop() {
      worklet.port.onmessage = null;
      source.disconnect();
      for (const track of stream.getTracks()) track.stop();
      void context.close();
    },
  };
}

/** The captured tab's audio, from the stream id the background obtained. */
export function openTabStream(streamId: string): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: { mandatory: { chromeMediaSource: 'tab', chromeMediaSourceId: streamId } } as MediaTrackConstraints,
    video: false,
  });
}

export function openMicrophone(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true },
    video: false,
  });
}
