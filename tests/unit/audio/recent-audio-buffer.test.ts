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

  it('drains only the newest audio when asked (whole chunks, at least that much), and empties all', () => {
    const buffer = new RecentAudioBuffer(1_000);
    for (let i = 0; i < 6; i++) buffer.push(chunk(i));
    expect(buffer.drain(250).map((part) => part[0])).toEqual([3, 4, 5]);
    expect(buffer.samples).toBe(0);
    buffer.push(chunk(9));
    expect(buffer.drain(1).map((part) => part[0])).toEqual([9]);
  });
});
