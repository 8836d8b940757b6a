import { describe, expect, it } from 'vitest';
import { isFromOwnExtensionPage, parseRuntimeMessage } from '@/lib/messaging/runtime-messages';
import { workerReplySchema, workerRequestSchema } from '@/lib/messaging/worker-messages';
import { TEST_ASR as asr } from '../../fakes/asr-settings';

describe('parseRuntimeMessage', () => {
  it.each([
    { type: 'session/start', tabId: 4, withMicrophone: false, asr },
    { type: 'session/stop' },
    { type: 'offscreen/start', sessionId: 's1', streamId: 'abc', withMicrophone: true, asr },
    {
      type: 'session/event',
      event: { kind: 'partial', sessionId: 's', channel: 'interviewer', text: 'how would', startMs: 0, endMs: 1_000 },
    },
    {
      type: 'session/event',
      event: { kind: 'provisional-settled', sessionId: 's', startMs: 0, outcome: 'not-confirmed', cards: [] },
    },
    { type: 'session/event', event: { kind: 'stopped', reason: 'tab-ended' } },
  ])('accepts $type', (message) => {
    expect(parseRuntimeMessage(message)).toEqual(message);
  });

  it.each([
    ['an unknown type', { type: 'session/delete-everything' }],
    ['a missing field', { type: 'session/start', withMicrophone: false, asr }],
    ['a wrong field type', { type: 'session/start', tabId: '4', withMicrophone: false, asr }],
    ['an unknown event', { type: 'session/event', event: { kind: 'exfiltrate' } }],
    ['a bad channel', { type: 'session/event', event: { kind: 'partial', channel: 'spy', text: '' } }],
    [
      'a partial that names no utterance (a provisional card could not be settled)',
      { type: 'session/event', event: { kind: 'partial', sessionId: 's', channel: 'interviewer', text: 'how' } },
    ],
    [
      'an unknown outcome of a provisional card',
      {
        type: 'session/event',
        event: { kind: 'provisional-settled', sessionId: 's', startMs: 0, outcome: 'maybe', cards: [] },
      },
    ],
    ['a string', 'session/stop'],
    ['null', null],
  ])('drops %s', (_name, message) => {
    expect(parseRuntimeMessage(message)).toBeNull();
  });
});

describe('isFromOwnExtensionPage', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const origin = `chrome-extension://${id}/`;
  it.each([
    [{ id, url: `${origin}sidepanel.html` }, true],
    [{ id, url: 'https://evil.example/' }, false], // a content script of ours on a web page
    [{ id: 'someone-else', url: `${origin}sidepanel.html` }, false],
    [{ id }, false],
  ])('%j → %s', (sender, expected) => {
    expect(isFromOwnExtensionPage(sender, id, origin)).toBe(expected);
  });
});

describe('worker messages', () => {
  it('carries audio as a Float32Array and refuses anything else', () => {
    expect(
      workerRequestSchema.safeParse({ type: 'audio', channel: 'interviewer', samples: new Float32Array(4) }).success,
    ).toBe(true);
    expect(workerRequestSchema.safeParse({ type: 'audio', channel: 'interviewer', samples: [0, 1] }).success).toBe(
      false,
    );
    expect(
      workerReplySchema.safeParse({
        status: 'final',
        channel: 'candidate',
        text: 'x',
        startMs: 0,
        endMs: 1,
        decodeMs: 2,
        encoderMs: 1,
        tokens: 3,
      }).success,
    ).toBe(true);
  });
});

describe('recognition settings in messages', () => {
  it('refuses VAD settings outside their bounds', () => {
    const bad = {
      type: 'session/start',
      tabId: 1,
      withMicrophone: false,
      asr: { ...asr, vad: { ...asr.vad, maxUtteranceMs: 60_000 } },
    };
    expect(parseRuntimeMessage(bad)).toBeNull();
  });
});
