import { describe, expect, it } from 'vitest';
import type { RuntimeMessage } from '@/lib/messaging/runtime-messages';
import { createSessionController } from '@/lib/session/session-controller';
import { fakeBackgroundPlatform, OWN_PAGE } from '../../fakes/background-platform';
import { TEST_ASR as asr } from '../../fakes/asr-settings';

const start: RuntimeMessage = { type: 'session/start', tabId: 7, withMicrophone: true, asr };
/** A session owner that reads nothing: these tests are about the capture's life cycle. */
const quietOwner = {
  takeLine: () => Promise.resolve([]),
  takePartial: () => Promise.resolve(undefined),
  choose: () => Promise.resolve(),
};

describe('session controller (background)', () => {
  it('starts: stream id, offscreen document, start command, status kept in session storage', async () => {
    const fake = fakeBackgroundPlatform();
    const reply = await createSessionController(fake.platform, quietOwner).handle(start, OWN_PAGE);

    expect(reply).toEqual({
      ok: true,
      status: { state: 'starting', sessionId: 'session-1', tabId: 7, startedAt: 1_000 },
    });
    expect(fake.offscreenOpen()).toBe(true);
    expect(fake.sent).toEqual([
      { type: 'offscreen/start', sessionId: 'session-1', streamId: 'stream-for-7', withMicrophone: true, asr },
    ]);
  });

  it('survives its own restart: a new controller reads the status back', async () => {
    const fake = fakeBackgroundPlatform();
    await createSessionController(fake.platform, quietOwner).handle(start, OWN_PAGE);
    const restarted = createSessionController(fake.platform, quietOwner);
    expect(await restarted.handle({ type: 'session/status' }, OWN_PAGE)).toMatchObject({
      ok: true,
      status: { state: 'starting', sessionId: 'session-1' },
    });
  });

  it('explains a tab that cannot be captured and stays idle', async () => {
    const fake = fakeBackgroundPlatform({ streamError: new Error('Cannot capture a tab with an active stream.') });
    const reply = await createSessionController(fake.platform, quietOwner).handle(start, OWN_PAGE);
    expect(reply).toEqual({ ok: false, message: expect.stringMatching(/already being captured/) });
    expect(fake.status()).toEqual({ state: 'idle' });
  });

  it('goes back to idle when the offscreen document cannot be created', async () => {
    const fake = fakeBackgroundPlatform({
      offscreenError: new Error('Only a single offscreen document may be created.'),
    });
    const reply = await createSessionController(fake.platform, quietOwner).handle(start, OWN_PAGE);
    expect(reply?.ok).toBe(false);
    expect(fake.status()).toEqual({ state: 'idle' });
  });

  it('does not start twice: two Starts at once (a double press, two panels) get the one session', async () => {
    const fake = fakeBackgroundPlatform();
    const controller = createSessionController(fake.platform, quietOwner);
    const replies = await Promise.all([controller.handle(start, OWN_PAGE), controller.handle(start, OWN_PAGE)]);

    expect(fake.sent.filter((message) => message.type === 'offscreen/start')).toHaveLength(1);
    const sessionIds = replies.map((reply) =>
      reply?.ok && reply.status.state !== 'idle' ? reply.status.sessionId : reply,
    );
    expect(sessionIds).toEqual(['session-1', 'session-1']);
    expect(fake.status()).toMatchObject({ sessionId: 'session-1' });
  });

  it('stops through the offscreen document and returns to idle when it reports "stopped"', async () => {
    const fake = fakeBackgroundPlatform();
    const controller = createSessionController(fake.platform, quietOwner);
    await controller.handle(start, OWN_PAGE);
    await controller.handle(
      { type: 'session/event', event: { kind: 'capturing', sessionId: 'session-1', withMicrophone: false } },
      OWN_PAGE,
    );
    expect(fake.status()).toMatchObject({ state: 'capturing' });

    await controller.handle({ type: 'session/stop' }, OWN_PAGE);
    expect(fake.sent.at(-1)).toEqual({ type: 'offscreen/stop' });
    await controller.handle({ type: 'session/event', event: { kind: 'stopped', reason: 'user' } }, OWN_PAGE);
    expect(fake.status()).toEqual({ state: 'idle' });
    expect(fake.offscreenOpen()).toBe(false);
  });

  it('tells the panel when the captured tab navigates, and only that tab', async () => {
    const fake = fakeBackgroundPlatform();
    const controller = createSessionController(fake.platform, quietOwner);
    await controller.handle(start, OWN_PAGE);
    await controller.handle(
      { type: 'session/event', event: { kind: 'capturing', sessionId: 'session-1', withMicrophone: false } },
      OWN_PAGE,
    );
    await controller.onTabLoading(8);
    await controller.onTabLoading(7);
    expect(fake.notices).toEqual([expect.stringMatching(/opened a new page; Cuecard keeps listening/)]);
  });

  it.each([
    ['a web page (content script)', { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'https://example.com/' }],
    ['another extension', { id: 'other', url: 'chrome-extension://other/page.html' }],
  ])('ignores commands from %s', async (_name, sender) => {
    const fake = fakeBackgroundPlatform();
    expect(await createSessionController(fake.platform, quietOwner).handle(start, sender)).toBeUndefined();
    expect(fake.sent).toEqual([]);
  });
});

describe('session controller: drills', () => {
  it('starts a microphone-only session without asking Chrome for a tab stream', async () => {
    const fake = fakeBackgroundPlatform({ streamError: new Error('must not be called') });
    const reply = await createSessionController(fake.platform, quietOwner).handle(
      { type: 'session/start', tabId: null, withMicrophone: true, asr },
      OWN_PAGE,
    );
    expect(reply).toMatchObject({ ok: true, status: { state: 'starting', tabId: null } });
    expect(fake.sent[0]).toMatchObject({ type: 'offscreen/start', streamId: null, withMicrophone: true });
  });

  it('refuses a drill without the microphone', async () => {
    const fake = fakeBackgroundPlatform();
    const reply = await createSessionController(fake.platform, quietOwner).handle(
      { type: 'session/start', tabId: null, withMicrophone: false, asr },
      OWN_PAGE,
    );
    expect(reply).toEqual({ ok: false, message: expect.stringMatching(/drill listens to your microphone/) });
  });
});

describe('session controller: the capture page dies', () => {
  it('reports the session over, says why, and can start again', async () => {
    const fake = fakeBackgroundPlatform();
    const controller = createSessionController(fake.platform, quietOwner);
    await controller.handle(start, OWN_PAGE);
    await controller.handle(
      { type: 'session/event', event: { kind: 'capturing', sessionId: 'session-1', withMicrophone: false } },
      OWN_PAGE,
    );
    fake.crashOffscreen();

    expect(await controller.handle({ type: 'session/status' }, OWN_PAGE)).toEqual({
      ok: true,
      status: { state: 'idle' },
    });
    expect(fake.notices).toEqual([expect.stringMatching(/Capture stopped unexpectedly.*saved/)]);
    expect(await controller.handle(start, OWN_PAGE)).toMatchObject({
      ok: true,
      status: { state: 'starting', sessionId: 'session-2' },
    });
  });

  it('Stop after the capture page died ends the session and replies with the real status', async () => {
    const fake = fakeBackgroundPlatform();
    const controller = createSessionController(fake.platform, quietOwner);
    await controller.handle(start, OWN_PAGE);
    await controller.handle(
      { type: 'session/event', event: { kind: 'capturing', sessionId: 'session-1', withMicrophone: false } },
      OWN_PAGE,
    );
    fake.crashOffscreen();

    // No "stopped" will ever come from a dead page: the reply itself must say the session is over.
    expect(await controller.handle({ type: 'session/stop' }, OWN_PAGE)).toEqual({
      ok: true,
      status: { state: 'idle' },
    });
    expect(fake.status()).toEqual({ state: 'idle' });
    expect(fake.notices).toEqual([expect.stringMatching(/Capture stopped unexpectedly.*saved/)]);
  });
});

describe('session controller: extension updates', () => {
  it('installs an update at once when no session runs', async () => {
    const fake = fakeBackgroundPlatform();
    await createSessionController(fake.platform, quietOwner).onUpdateAvailable();
    expect(fake.reloads()).toBe(1);
  });

  it('waits for the end of a session, tells the panel, then installs', async () => {
    const fake = fakeBackgroundPlatform();
    const controller = createSessionController(fake.platform, quietOwner);
    await controller.handle(start, OWN_PAGE);
    await controller.onUpdateAvailable();
    expect(fake.reloads()).toBe(0);
    expect(fake.notices).toEqual([expect.stringMatching(/update is ready; it will install when you press Stop/)]);

    await controller.handle({ type: 'session/event', event: { kind: 'stopped', reason: 'user' } }, OWN_PAGE);
    expect(fake.reloads()).toBe(1);
  });

  it('installs a waiting update when the session ends because the capture page died', async () => {
    const fake = fakeBackgroundPlatform();
    const controller = createSessionController(fake.platform, quietOwner);
    await controller.handle(start, OWN_PAGE);
    await controller.handle(
      { type: 'session/event', event: { kind: 'capturing', sessionId: 'session-1', withMicrophone: false } },
      OWN_PAGE,
    );
    await controller.onUpdateAvailable();
    fake.crashOffscreen();
    expect(fake.reloads()).toBe(0);

    await controller.handle({ type: 'session/stop' }, OWN_PAGE);
    expect(fake.reloads()).toBe(1);
  });

  it('hands each final and partial line to the session owner, and says so when a card cannot be saved', async () => {
    const fake = fakeBackgroundPlatform();
    const taken: string[] = [];
    const owner = {
      takeLine: (line: { text: string }) => {
        taken.push(line.text);
        return line.text === 'full'
          ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
          : Promise.resolve([]);
      },
      takePartial: (partial: { text: string }) => {
        taken.push(`partial: ${partial.text}`);
        return partial.text === 'full'
          ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
          : Promise.resolve(undefined);
      },
      choose: () => Promise.resolve(),
    };
    const controller = createSessionController(fake.platform, owner);
    const line = (seq: number, text: string): RuntimeMessage => ({
      type: 'session/event',
      event: { kind: 'line', line: { sessionId: 's', seq, channel: 'interviewer', text, startMs: 0, endMs: 1, at: 1 } },
    });
    const partial = (text: string): RuntimeMessage => ({
      type: 'session/event',
      event: { kind: 'partial', sessionId: 's', channel: 'interviewer', text, startMs: 0, endMs: 1 },
    });
    expect(await controller.handle(partial('what is'), OWN_PAGE)).toBeUndefined();
    expect(await controller.handle(line(1, 'what is dropout'), OWN_PAGE)).toBeUndefined();
    // A provisional card that cannot be saved is no loss worth a message: the line's card will say.
    await controller.handle(partial('full'), OWN_PAGE);
    expect(fake.notices).toEqual([]);
    await controller.handle(line(2, 'full'), OWN_PAGE);
    expect(taken).toEqual(['partial: what is', 'what is dropout', 'partial: full', 'full']);
    expect(fake.notices.at(-1)).toMatch(
      /A question card could not be saved \(The quota has been exceeded\.\); the transcript is safe\./,
    );
  });
});
