// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDrillAnswerClock } from '@/components/drill/useDrillAnswerClock';
import { ANSWER_DONE_SILENCE_MS } from '@/lib/drill/practice-schedule';
import type { DrillQuestion } from '@/lib/drill/practice-store';

const T0 = Date.UTC(2026, 11, 1, 9);
const asked = (deadline?: number): DrillQuestion => ({
  entryId: 'failed',
  askedAt: T0,
  deadline,
  revealed: false,
  rated: false,
});

afterEach(() => void vi.useRealTimers());

describe('useDrillAnswerClock', () => {
  it('ticks while the answer is under way and ends it after a pause once the candidate has spoken', () => {
    vi.useFakeTimers({ now: T0 });
    const onFinished = vi.fn();
    const lines = [{ channel: 'candidate', at: T0 + 2_000 }];
    const { result } = renderHook(() => useDrillAnswerClock(asked(), lines, false, onFinished));
    act(() => void vi.advanceTimersByTime(3_000));
    expect(result.current).toBe(T0 + 3_000);
    expect(onFinished).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(ANSWER_DONE_SILENCE_MS));
    expect(onFinished).toHaveBeenCalled();
  });

  it('ends the answer when the timer runs out, even while the candidate is still speaking', () => {
    vi.useFakeTimers({ now: T0 });
    const onFinished = vi.fn();
    renderHook(() => useDrillAnswerClock(asked(T0 + 5_000), [], true, onFinished));
    act(() => void vi.advanceTimersByTime(4_000));
    expect(onFinished).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(1_000));
    expect(onFinished).toHaveBeenCalled();
  });

  it('neither ticks nor ends anything when no answer is under way', () => {
    vi.useFakeTimers({ now: T0 });
    const onFinished = vi.fn();
    const { result } = renderHook(() => useDrillAnswerClock(null, [], false, onFinished));
    act(() => void vi.advanceTimersByTime(60_000));
    expect(result.current).toBe(T0);
    expect(onFinished).not.toHaveBeenCalled();
  });
});
