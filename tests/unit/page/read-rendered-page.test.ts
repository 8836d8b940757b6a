import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { declaredStyles } from '@/lib/page/declared-style';
import { extractQuestions } from '@/lib/page/extract-questions';
import { nodeHtmlTools } from '@/lib/page/node-html-tools';
import { readRenderedPage, RENDERED_BOLD, RENDERED_HEADING, RENDERED_HIDDEN } from '@/lib/page/read-rendered-page';

const tools = nodeHtmlTools();
const prose = '<p>' + 'Notes written before the interview loop, read aloud once a day. '.repeat(4) + '</p>';
/** The function as chrome.scripting sends it: its source alone, revived without this module's scope. */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- this is what the test is about: the source alone, as Chrome injects it
const asInjected = new Function(`return (${readRenderedPage.toString()})`)() as typeof readRenderedPage;
const live = (html: string) => new JSDOM(html, { url: 'https://docs.example/pub' }).window.document;
/** What the panel does with what the tab sent: an inert parse, then extraction. */
const extractSent = (html: string) => extractQuestions(tools.parseHtml(html), tools).questions;

describe('readRenderedPage (injected into the tab)', () => {
  it('needs nothing from outside its own source, and marks bold set by a stylesheet class on a copy, leaving the page alone', () => {
    const page =
      live(`<html><head><title>Study doc</title><style>.c3{font-weight:700}.c0{font-weight:400}</style></head><body>${prose}
      <p class="c1"><span class="c3">1. What is an error budget?</span></p><p class="c1"><span class="c0">What the SLO allows to fail.</span></p>
      <p class="c1"><span class="c3">2. Why alert on symptoms?</span></p><p class="c1"><span class="c0">Users feel symptoms.</span></p>
      <p class="c1"><span class="c3">3. What is toil?</span></p><p class="c1"><span class="c0">Manual, repetitive work.</span></p></body></html>`);
    const sent = asInjected(page);
    expect(sent).toMatchObject({ url: 'https://docs.example/pub', title: 'Study doc' });
    expect(page.querySelector(`[${RENDERED_BOLD}]`)).toBeNull();
    expect(tools.parseHtml(sent.html).querySelectorAll(`span[${RENDERED_BOLD}]`)).toHaveLength(3);
    expect(extractSent(sent.html)).toEqual([
      { question: 'What is an error budget?', outline: ['What the SLO allows to fail.'] },
      { question: 'Why alert on symptoms?', outline: ['Users feel symptoms.'] },
      { question: 'What is toil?', outline: ['Manual, repetitive work.'] },
    ]);
    // Without the marks the same HTML has no bold: the class lives in the stylesheet.
    expect(tools.parseHtml(page.documentElement.outerHTML).querySelector(`[${RENDERED_BOLD}]`)).toBeNull();
  });

  it('drops what the page hides, but keeps collapsed toggles, <details> and panels a control opens', () => {
    const page = live(`<html><body>${prose}
      <div class="mobile-drawer" style="display:none"><p>What is new in our app?</p></div>
      <div class="toggle"><div><div role="button" aria-expanded="false"></div><div>How do you version training data?</div></div><div style="display:none"><p>Snapshot the data with the code that made it.</p></div></div>
      <button aria-controls="p2" aria-expanded="false">What is a feature store?</button><div id="p2" style="display:none">One feature definition for training and serving.</div>
      <details><summary>Why use a canary?</summary><p style="display:none">To catch a bad release on a small share of traffic.</p></details>
      </body></html>`);
    const html = asInjected(page).html;
    const parsed = tools.parseHtml(html);
    expect(parsed.querySelectorAll(`[${RENDERED_HIDDEN}]`)).toHaveLength(1);
    expect(parsed.querySelector(`[${RENDERED_HIDDEN}]`)!.className).toBe('mobile-drawer');
    const text = extractQuestions(parsed, tools)
      .questions.map((item) => `${item.question} ${item.outline.join(' ')}`)
      .join(' | ');
    expect(text).not.toMatch(/new in our app/);
    expect(text).toMatch(/feature definition for training and serving/);
    expect(text).toMatch(/catch a bad release/);
  });

  it('marks a short bold block drawn well above body size as a heading, and leaves body-size text, long blocks and a pull quote alone', () => {
    const page = live(`<html><body style="font-size:16px">${prose}${prose}
      <div class="title" style="font-size:22px;font-weight:600">What is a KV cache?</div><p>Stored keys and values of earlier tokens.</p>
      <div class="pull-quote" style="font-size:22px">Why does nobody measure this?</div>
      <div class="lede" style="font-size:22px"><p>${'A long introduction set large. '.repeat(3)}</p></div>
      <div style="font-size:16px">Why quantise a model?</div></body></html>`);
    const parsed = tools.parseHtml(asInjected(page).html);
    expect(
      [...parsed.querySelectorAll(`[${RENDERED_HEADING}]`)].map((element) => [
        element.className,
        element.getAttribute(RENDERED_HEADING),
      ]),
    ).toEqual([['title', '3']]);
    expect(extractQuestions(parsed, tools).questions.map((item) => item.question)).toEqual(['What is a KV cache?']);
  });
});

describe('declaredStyles (the Node stand-in for computed style)', () => {
  it('applies stylesheet rules and inline styles in source order over tag defaults', () => {
    const page =
      live(`<html><head><style>.b{font-weight:700} .n{font-weight:normal} .gone{display:none} p.big{font-size:20pt}</style></head><body>
      <span class="b" id="one">x</span><span class="b n" id="two">x</span><b id="three">x</b><div class="gone" id="four">x</div><p class="big" id="five">x</p><span style="font-weight:600" id="six">x</span><p hidden id="seven">x</p></body></html>`);
    const styleOf = declaredStyles(page);
    const of = (id: string) => styleOf(page.getElementById(id)!);
    expect(of('one').fontWeight).toBe('700');
    expect(of('two').fontWeight).toBe('normal');
    expect(of('three').fontWeight).toBe('bold');
    expect(of('four').display).toBe('none');
    expect(of('five')).toMatchObject({ fontSize: '20pt', display: 'block' });
    expect(of('six').fontWeight).toBe('600');
    expect(of('seven').display).toBe('none');
  });
});

describe('the extractor reads bold and headings however the page marks them', () => {
  it.each([
    ['an inline style', (q: string) => `<p><span style="font-weight: 700;">${q}</span></p>`],
    ['role="heading"', (q: string) => `<div role="heading" aria-level="3">${q}</div>`],
    ['a rendered-bold mark on the paragraph', (q: string) => `<p ${RENDERED_BOLD}>${q}</p>`],
  ])('%s', (_shape, mark) => {
    const questions = ['What is a circuit breaker?', 'Why does p99 latency rise alone?', 'How do you cut toil?'];
    const html = `<html><body><main>${prose}${questions.map((question, i) => `${mark(question)}<p>Answer number ${i + 1}.</p>`).join('')}</main></body></html>`;
    expect(extractSent(html)).toEqual(
      questions.map((question, i) => ({ question, outline: [`Answer number ${i + 1}.`] })),
    );
  });
});

describe('readRenderedPage headings by size', () => {
  it('does not take a large bullet or icon glyph for a heading', () => {
    const page = live(
      `<html><body style="font-size:16px">${prose}<div><div class="pseudoBefore" style="font-size:1.5em">•</div><div>What is toil?</div></div></body></html>`,
    );
    expect(tools.parseHtml(asInjected(page).html).querySelector(`[${RENDERED_HEADING}]`)).toBeNull();
  });
});
