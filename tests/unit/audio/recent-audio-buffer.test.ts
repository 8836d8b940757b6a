import { describe, expect, it } from 'vitest';
import { RecentAudioBuffer } from '@/lib/audio/recent-audio-buffer';

const chunk = (value: number, length = 100) => new Float32Array(length).fill(value);

describe('RecentAudioBuffer', () => {
  it('keeps the newest audio up to the limit, oldest first', () => {
    const buffer = new RecentAudioBuffer(250);
    for (let i = 0; i < 10; i++) buffer.push(chunk(i));
    const kept = buffer.drain();
    expect(kept.map((part) => part[0])).toEqual([7, 8, 9]);
    expect(buffer.samples).toBe(0);
  });

  it('keeps everything under the limit', () => {
    const buffer = new RecentAudioBuffer(1_000);
    buffer.push(chunk(1));
    buffer.push(chunk(2));
    expect(buffer.samples).toBe(200);
    expect(buffer.drain()).toHaveLength(2);
  });
});
