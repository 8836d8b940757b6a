import { describe, expect, it } from 'vitest';
import { nodeHtmlTools } from '@/lib/page/node-html-tools';
import { structuredQuestions } from '@/lib/page/structured-data';
import { extractQuestions } from '@/lib/page/extract-questions';

const tools = nodeHtmlTools();
const page = (head: string, body = '<p>Nothing visible here.</p>') =>
  tools.parsePage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

describe('structuredQuestions', () => {
  it('reads a FAQPage nested in @graph, with HTML answers as sanitised text points', () => {
    const document =
      page(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"FAQPage","mainEntity":[
      {"@type":"Question","name":"What is a canary release?","acceptedAnswer":{"@type":"Answer","text":"<p>Ship to a small share of traffic first.</p><img src=x onerror=\\"globalThis.pwned=1\\"><ul><li>Watch error rates.</li></ul>"}}]}]}</script>`);
    expect(structuredQuestions(document, tools)).toEqual([
      {
        question: 'What is a canary release?',
        outline: ['Ship to a small share of traffic first.', 'Watch error rates.'],
      },
    ]);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('ignores JSON-LD that does not parse, and non-question objects', () => {
    const document = page(
      '<script type="application/ld+json">{"@type":"Question", broken</script><script type="application/ld+json">{"@type":"Article","name":"Why?"}</script>',
    );
    expect(structuredQuestions(document, tools)).toEqual([]);
  });

  it('reads Question microdata', () => {
    const document = page(
      '',
      `<div itemscope itemtype="https://schema.org/Question"><h3 itemprop="name">How do you test a pipeline?</h3>
      <div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer"><div itemprop="text">Contract tests at the edges.</div></div></div>`,
    );
    expect(structuredQuestions(document, tools)).toEqual([
      { question: 'How do you test a pipeline?', outline: ['Contract tests at the edges.'] },
    ]);
  });

  it('adds declared questions the visible page does not show, once', () => {
    const document = page(
      '<script type="application/ld+json">{"@type":"FAQPage","mainEntity":[{"@type":"Question","name":"What is a Pod?","acceptedAnswer":{"text":"The smallest unit."}},{"@type":"Question","name":"What is a Node?","acceptedAnswer":{"text":"A machine."}}]}</script>',
      '<main><h2>What is a Pod?</h2><p>One or more containers scheduled together.</p></main>',
    );
    expect(extractQuestions(document, tools).questions).toEqual([
      { question: 'What is a Pod?', outline: ['One or more containers scheduled together.'] },
      { question: 'What is a Node?', outline: ['A machine.'] },
    ]);
  });
});
