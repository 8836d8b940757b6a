import { describe, expect, it } from 'vitest';
import { RecentAudioBuffer } from '@/lib/audio/recent-audio-buffer';

const chunk = (value: number, length = 100) => new Float32Array(length).fill(value);

describe('RecentAudioBuffer', () => {
  it('keeps the newest audio up to the limit, oldest first', () => {
    const buffer = new RecentAudioBuffer(250);
    for (let i = 0; i < 10; i++) buffer.push(chunk(i));
    const { chunks, skipped } = buffer.drain();
    expect(chunks.map((part) => part[0])).toEqual([7, 8, 9]);
    expect(skipped).toBe(700);
    expect(buffer.samples).toBe(0);
  });

  it('keeps everything under the limit', () => {
    const buffer = new RecentAudioBuffer(1_000);
    buffer.push(chunk(1));
    buffer.push(chunk(2));
    expect(buffer.samples).toBe(200);
    expect(buffer.drain()).toEqual({ chunks: [chunk(1), chunk(2)], skipped: 0 });
  });

  it('drains only the newest audio when asked (whole chunks, at least that much), and empties all', () => {
    const buffer = new RecentAudioBuffer(1_000);
    for (let i = 0; i < 6; i++) buffer.push(chunk(i));
    const newest = buffer.drain(250);
    expect(newest.chunks.map((part) => part[0])).toEqual([3, 4, 5]);
    expect(newest.skipped).toBe(300);
    expect(buffer.samples).toBe(0);
    buffer.push(chunk(9));
    expect(buffer.drain(1)).toEqual({ chunks: [chunk(9)], skipped: 0 });
  });
});
