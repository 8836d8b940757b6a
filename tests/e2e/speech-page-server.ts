import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SpeechPageServer {
  /** A page that plays the spoken fixture in a loop, as a mock-interview tab would. */
  url: string;
  close(): void;
}

/** Serves, on loopback only, a page playing a spoken fixture of tests/fixtures/audio (two-questions.wav unless named). */
export async function startSpeechPageServer(fixture = 'two-questions'): Promise<SpeechPageServer> {
  const wav = readFileSync(`tests/fixtures/audio/${fixture}.wav`);
  const server = createServer((request, response) => {
    if (request.url === '/speech.wav') {
      response.writeHead(200, { 'content-type': 'audio/wav' }).end(wav);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' }).end(
      '<!doctype html><title>Mock interview</title><audio id="a" src="/speech.wav" loop autoplay></audio>' +
        // Each start of the recording (the first, then every loop's seek back), by the wall clock
        // the extension's pages share: latency benchmarks place each question's end on it.
        '<script>window.starts = []; const noteStart = () => starts.push(Date.now() - a.currentTime * 1000);' +
        ' a.addEventListener("playing", noteStart); a.addEventListener("seeked", noteStart);</script>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}
