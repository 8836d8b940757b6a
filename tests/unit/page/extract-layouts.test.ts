import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenPageSchema, scorePage, totalsOf } from '@/lib/dev/score-extraction';
import { extractQuestions } from '@/lib/page/extract-questions';
import { nodeHtmlTools } from '@/lib/page/node-html-tools';

const tools = nodeHtmlTools();
const intro = '<p>' + 'Short notes to read the night before an interview, in our own words. '.repeat(4) + '</p>';
const extract = (body: string) =>
  extractQuestions(
    tools.parsePage(
      `<!doctype html><html><head><title>Notes</title></head><body><main><h1>Notes</h1>${intro}${body}</main></body></html>`,
    ),
    tools,
  ).questions;

describe('tables with any number of columns', () => {
  it('finds the question column by its content, not its place, and takes the answer from the column after it', () => {
    const rows = [
      ['Statistics', 'What does a p-value tell you?', 'How surprising the data would be under the null.'],
      ['Statistics', 'When is the median better than the mean?', 'When the data are skewed.'],
      ['Deep learning', 'What does dropout do?', 'Zeroes random units during training.'],
    ];
    const questions = extract(
      `<table><tr><th>Topic</th><th>Ask</th><th>Short answer</th></tr>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</table>`,
    );
    expect(questions).toEqual(rows.map(([, question, answer]) => ({ question, outline: [answer] })));
  });

  it('keeps the columns after the answer as labelled lines (four columns: # · Question · Key points · Level)', () => {
    const questions =
      extract(`<table><thead><tr><th>#</th><th>Question</th><th>Key points</th><th>Level</th></tr></thead><tbody>
      <tr><td>1</td><td>Design a feature store.</td><td>Offline and online stores, one definition.</td><td>Medium</td></tr>
      <tr><td>2</td><td>Training–serving skew</td><td>Share the code path.</td><td>Hard</td></tr></tbody></table>`);
    expect(questions).toEqual([
      { question: 'Design a feature store.', outline: ['Offline and online stores, one definition.', 'Level: Medium'] },
      { question: 'Training–serving skew', outline: ['Share the code path.', 'Level: Hard'] },
    ]);
  });

  it('keeps every column of a table inside an answer, its header row included', () => {
    const bold = (text: string) => `<p><b>${text}</b></p>`;
    const questions =
      extract(`${bold('Q1: Batch vs stochastic gradient descent')}<table><tr><th>Batch</th><th>Stochastic</th></tr><tr><td>Whole training set per step.</td><td>One example per step.</td></tr></table>
      ${bold('Q2: What are precision and recall?')}<table><tr><td>Precision</td><td>Share of predicted positives that are real.</td></tr></table><p>They trade off.</p>
      ${bold('Q3: What is the ROC curve?')}<p>TPR against FPR.</p>`);
    expect(questions).toEqual([
      {
        question: 'Batch vs stochastic gradient descent',
        outline: ['Batch — Stochastic', 'Whole training set per step. — One example per step.'],
      },
      {
        question: 'What are precision and recall?',
        outline: ['Precision — Share of predicted positives that are real.', 'They trade off.'],
      },
      { question: 'What is the ROC curve?', outline: ['TPR against FPR.'] },
    ]);
  });

  it('reads a table of contents whose question cells are links as no questions, its section rows included', () => {
    const questions =
      extract(`<table><tr><th>No.</th><th>Questions</th></tr><tr><td></td><td><b>Core React</b></td></tr>
      <tr><td>1</td><td><a href="#a">What is React?</a></td></tr><tr><td>2</td><td><a href="#b">What is JSX?</a></td></tr></table>`);
    expect(questions).toEqual([]);
  });
});

describe('toggles drawn with an icon-only control (Notion)', () => {
  const toggle = (question: string, answer: string, open: boolean) =>
    `<div class="notion-selectable notion-toggle-block"><div style="display:flex"><div role="button" tabindex="0" aria-expanded="${open}"><svg viewBox="0 0 16 16"><path d="M2 3z"></path></svg></div><div><div data-content-editable-leaf="true">${question}</div></div></div><div style="padding-left:26px${open ? '' : ';display:none'}"><div class="notion-selectable notion-text-block"><div data-content-editable-leaf="true">${answer}</div></div></div></div>`;

  it('takes the label beside the caret as the question and the toggle body, open or collapsed, as its answer', () => {
    const questions = extract(
      toggle('Why does batch normalisation help?', 'It keeps layer inputs at a steady scale.', true) +
        toggle('What is an embedding?', 'Numbers that place similar things close.', false) +
        toggle('How do you spot overfitting?', 'Validation loss rises.', false),
    );
    expect(questions).toEqual([
      { question: 'Why does batch normalisation help?', outline: ['It keeps layer inputs at a steady scale.'] },
      { question: 'What is an embedding?', outline: ['Numbers that place similar things close.'] },
      { question: 'How do you spot overfitting?', outline: ['Validation loss rises.'] },
    ]);
  });

  it('drops promotional boxes by a class word, not by letters inside another word ("selectable" holds "cta")', () => {
    const questions =
      extract(`<div class="notion-selectable"><h2>What is a p-value?</h2><p>How surprising the data are under the null.</p></div>
      <div class="post-share"><h2>Why not share this post?</h2><p>Tell a friend.</p></div><div class="relatedPosts"><h2>What is a t-test?</h2><p>Read it next.</p></div>`);
    expect(questions.map((item) => item.question)).toEqual(['What is a p-value?']);
  });
});

describe('quiz pages', () => {
  const moodle = (n: number, question: string, options: string[], right: number, explanation: string) => `
    <div class="que multichoice"><div class="info"><h3 class="no">Question ${n}</h3><div class="state">Correct</div></div>
    <div class="formulation"><h4 class="accesshide">Question text</h4><div class="qtext"><p>${question}</p></div>
    <fieldset><legend>Select one:</legend><div class="answer">${options
      .map(
        (option, i) =>
          `<div class="r${i % 2}${i === right ? ' correct' : ''}"><input type="radio" name="q${n}" disabled${i === 0 ? ' checked' : ''}><div><span class="answernumber">${'abcd'[i]}. </span>${option}</div>${i === right ? '<i class="icon" title="Correct"></i>' : i === 0 ? '<i class="icon" title="Incorrect"></i>' : ''}</div>`,
      )
      .join('')}</div></fieldset></div>
    <div class="outcome"><h4 class="accesshide">Feedback</h4><div class="feedback"><div class="specificfeedback">Your answer is incorrect.</div><div class="generalfeedback"><p>${explanation}</p></div><div class="rightanswer">The correct answer is: ${options[right]}</div></div></div></div>`;

  it('gives the question with the option marked right and the explanation as its outline, not the four options', () => {
    const questions = extract(
      moodle(
        1,
        'Which loss suits a probabilistic binary classifier?',
        ['Mean squared error', 'Binary cross-entropy', 'Hinge loss', 'L1 loss'],
        1,
        'It is the Bernoulli negative log-likelihood.',
      ) +
        moodle(
          2,
          'A learning rate that is too high usually:',
          ['Trains slowly', 'Makes the loss diverge', 'Does nothing', 'Finds the global minimum'],
          1,
          'Steps overshoot the minimum.',
        ),
    );
    expect(questions).toEqual([
      {
        question: 'Which loss suits a probabilistic binary classifier?',
        outline: ['Binary cross-entropy', 'It is the Bernoulli negative log-likelihood.'],
      },
      {
        question: 'A learning rate that is too high usually',
        outline: ['Makes the loss diverge', 'Steps overshoot the minimum.'],
      },
    ]);
  });

  it('reads options in a plain list with a tick the same way', () => {
    const questions =
      extract(`<p>What does a ROC AUC of 0.5 mean?</p><ul><li>Perfect ranking</li><li>No better than chance ✓</li><li>Half the predictions are right</li></ul><p>A random positive outranks a random negative half the time.</p>
      <p>Which metric suits rare events?</p><ul><li>Accuracy</li><li class="option correct">PR-AUC</li><li>Log loss on the majority class</li></ul>`);
    expect(questions).toEqual([
      {
        question: 'What does a ROC AUC of 0.5 mean?',
        outline: ['No better than chance', 'A random positive outranks a random negative half the time.'],
      },
      { question: 'Which metric suits rare events?', outline: ['PR-AUC'] },
    ]);
  });
});

describe('forum threads: the questions people say they were asked', () => {
  const post = (user: string, body: string) =>
    `<article class="boxed onscreen-post"><div role="heading" aria-level="2" class="topic-meta-data"><a href="/u/${user}">${user}</a> <a href="/t/88/2">Mar 3</a></div><div class="cooked">${body}</div></article>`;
  const thread = `<h1><a href="/t/88">What were you asked in ML onsites this year?</a></h1>
    ${post('maya', '<p>I have three onsites next month. What were you asked? Is LLM evaluation common now?</p>')}
    ${post('dtran', '<p>The design round opened with this:</p><blockquote><p>Design a fraud detection system for card payments.</p></blockquote><p>I started with the late labels.</p><p>Follow-up:</p><blockquote><p>How would you know the model has gone stale?</p></blockquote><p>I said I would watch the score distribution.</p>')}
    ${post('sam', '<p>Congrats! Did you get the offer? How long was the round?</p>')}
    ${post('priya', '<p>In the systems round I was asked to explain how DNS resolution works. I went from the stub resolver to the root.</p><p>The behavioural round started with “Tell me about a time you disagreed with your manager.” I used the migration story.</p>')}`;

  it('takes quoted and reported questions with what the poster says next, not the title or stray questions', () => {
    expect(extract(thread)).toEqual([
      {
        question: 'Design a fraud detection system for card payments.',
        outline: ['I started with the late labels.', 'Follow-up:'],
      },
      {
        question: 'How would you know the model has gone stale?',
        outline: ['I said I would watch the score distribution.'],
      },
      { question: 'Explain how DNS resolution works.', outline: ['I went from the stub resolver to the root.'] },
      { question: 'Tell me about a time you disagreed with your manager.', outline: ['I used the migration story.'] },
    ]);
  });

  it('keeps a quote that asks inside the answer to a question the page sets out as part of that answer', () => {
    const questions =
      extract(`<h2>What is a feature store?</h2><p>A shared place for features.</p><blockquote><p>How do you keep training and serving in step?</p></blockquote><p>One definition for both.</p>
      <h2>What is drift?</h2><p>Inputs changing over time.</p>`);
    expect(questions.map((item) => item.question)).toEqual(['What is a feature store?', 'What is drift?']);
  });
});

describe('reportedQuestion', () => {
  it.each([
    [
      'In the systems round I was asked to design a rate limiter for an API. It went well.',
      { question: 'Design a rate limiter for an API.', rest: 'It went well.' },
    ],
    ['They asked me to walk through a past incident.', { question: 'Walk through a past incident.', rest: '' }],
    [
      'My phone screen opened with "What is the bias-variance trade-off?" and then a case.',
      { question: 'What is the bias-variance trade-off?', rest: 'and then a case.' },
    ],
    ['Did you get the offer? How long was the round?', undefined],
    ['She wrote “What a week” on the board.', undefined],
  ])('%s', async (text, expected) => {
    const { reportedQuestion } = await import('@/lib/page/question-text');
    expect(reportedQuestion(text)).toEqual(expected);
  });
});

describe('site chrome is never a question', () => {
  const card = (title: string, linked: boolean) =>
    `<div role="link" data-href="/p/1">${linked ? `<a href="/@jane/p"><h2>${title}</h2></a>` : `<h2>${title}</h2>`}<h3>A subtitle for the card</h3><span>6 min read</span><span>·</span><span>Feb 2</span><p>1.1K</p></div>`;
  const article = `<div><span>6 min read</span><span>·</span><span>Mar 3</span><button aria-label="clap"></button><p>1.4K</p><button>Listen</button><button>Share</button></div>
    <h3>What is the curse of dimensionality?</h3><p>Points drift apart in many dimensions.</p>
    <h3>How do you handle missing values?</h3><p>Ask why they are missing.</p>
    <h3>Why use a vector database?</h3><p>Fast nearest neighbours.</p><div><p>1.4K</p><p>23</p></div>`;
  const expected = [
    { question: 'What is the curse of dimensionality?', outline: ['Points drift apart in many dimensions.'] },
    { question: 'How do you handle missing values?', outline: ['Ask why they are missing.'] },
    { question: 'Why use a vector database?', outline: ['Fast nearest neighbours.'] },
  ];

  it('leaves out "More from", "Recommended", author bio and responses sections, and read-time and clap lines', () => {
    const questions = extract(`${article}
      <div><a href="/@jane"><h2>Written by Jane Doe</h2></a><p>2.3K Followers</p><p>ML engineer. What should I write about next?</p><button>Follow</button></div>
      <div><h2>Responses (23)</h2><div role="textbox" contenteditable="true"><p data-placeholder="What are your thoughts?"></p></div><p>Would you add a question about feature stores?</p></div>
      <div><h2>More from Jane Doe</h2>${card('How Would You Design a Recommender in 45 Minutes?', true)}${card('Explain Transformers Without Equations', true)}</div>
      <div><h2>Recommended from Medium</h2>${card('Why Do Data Scientists Fail System Design?', false)}${card('How to Answer Tell Me About Yourself?', false)}${card('Is LeetCode Still Worth It?', false)}</div>`);
    expect(questions).toEqual(expected);
  });

  it('leaves out an author section whose heading stands straight in the article, up to the next heading as high', () => {
    const page = `<article>${article}<h2>About the author</h2><p>Jane has run ML interviews for six years.</p></article>`;
    expect(extract(page)).toEqual(expected);
  });

  it('knows a teaser card by its read time even without a section heading above it', () => {
    expect(
      extract(
        article +
          card('Why Do Data Scientists Fail System Design?', false) +
          card('What Is the Best Way to Learn Transformers?', false),
      ),
    ).toEqual(expected);
  });
});

describe('question paragraphs without any emphasis', () => {
  const notes = [
    ['What is an SLO?', 'A reliability target the team sets itself.'],
    ['How do you use an error budget?', 'Ship while it lasts, slow down when it is spent.'],
    ['Why alert on symptoms?', 'Users feel symptoms, not causes.'],
    ['What is toil?', 'Manual work that grows with the service.'],
    ['How do you make a deploy safe to roll back?', 'Keep schema changes compatible.'],
  ];

  it('reads a page of plain question paragraphs, each with the text up to the next as its answer', () => {
    expect(extract(notes.map(([question, answer]) => `<p>${question}</p><p>${answer}</p>`).join(''))).toEqual(
      notes.map(([question, answer]) => ({ question, outline: [answer] })),
    );
  });

  it('takes no rhetorical questions from prose, and does not split answers to questions the page sets out', () => {
    expect(
      extract(
        '<p>Why do so many teams struggle with reliability?</p><p>Because it is invisible until it fails.</p><p>So what can you do about it?</p><p>Measure first.</p>',
      ),
    ).toEqual([]);
    const questions = extract(
      `<h2>What is an SLO?</h2><p>A target.</p><p>Why not 100%?</p><p>Because nothing is.</p><p>Who sets it?</p><p>The team.</p><p>When is it reviewed?</p><h2>What is toil?</h2><p>Manual work.</p>`,
    );
    expect(questions.map((item) => item.question)).toEqual(['What is an SLO?', 'What is toil?']);
  });
});

describe('the development pages of issue #22 (tests/fixtures/pages-layouts-dev)', () => {
  const DIR = 'tests/fixtures/pages-layouts-dev';
  const scores = readdirSync(DIR)
    .filter((name) => name.endsWith('.html'))
    .map((name) => {
      const golden = goldenPageSchema.parse(
        JSON.parse(readFileSync(`${DIR}/${name.replace(/\.html$/, '.json')}`, 'utf8')),
      );
      return {
        name,
        score: scorePage(
          golden,
          extractQuestions(tools.parsePage(readFileSync(`${DIR}/${name}`, 'utf8')), tools).questions,
        ),
      };
    });

  it('has the ten layouts', () => expect(scores).toHaveLength(10));

  it.each(scores)('$name: recall, precision and answers kept at least 0.9', ({ score }) => {
    const totals = totalsOf([score]);
    expect({ ...totals, missed: score.missed.slice(0, 3), extra: score.extra.slice(0, 3) }).toMatchObject({
      recall: expect.toSatisfy((value: number) => value >= 0.9),
      precision: expect.toSatisfy((value: number) => value >= 0.9),
      answersKept: expect.toSatisfy((value: number) => value >= 0.9),
    });
  });
});

describe('toggles and threads in other frameworks', () => {
  const three = [
    ['What is a feature store?', 'One definition of each feature for training and serving.'],
    ['How do you detect drift?', 'Compare live and training distributions.'],
    ['Why log served features?', 'To train on what the model really saw.'],
  ];

  it('reads a Confluence expand macro, its label known by class', () => {
    const questions = extract(
      three
        .map(
          ([q, a]) =>
            `<div class="expand-container"><div class="expand-control"><span class="expand-icon aui-icon"></span><span class="expand-control-text">${q}</span></div><div class="expand-content"><p>${a}</p></div></div>`,
        )
        .join(''),
    );
    expect(questions).toEqual(three.map(([question, answer]) => ({ question, outline: [answer] })));
  });

  it('reads a collapse whose headers are role="tab" with aria-expanded (Element UI)', () => {
    const questions = extract(
      `<div class="el-collapse">${three.map(([q, a]) => `<div class="el-collapse-item"><div role="tab" aria-expanded="false"><div class="el-collapse-item__header" role="button">${q}<i class="el-icon-arrow-right"></i></div></div><div role="tabpanel" style="display:none"><div class="el-collapse-item__content">${a}</div></div></div>`).join('')}</div>`,
    );
    expect(questions).toEqual(three.map(([question, answer]) => ({ question, outline: [answer] })));
  });

  it('keeps the comments of a thread, where they are the page, and drops them under an article', () => {
    const comment = (id: string, body: string) =>
      `<shreddit-comment><div id="t1_${id}-comment-rtjson-content" class="md text-14"><p>${body}</p></div></shreddit-comment>`;
    const thread = extract(
      `<p>Onsite next week, what did they ask you?</p>${comment('a1', 'They asked me to design a ranking system for a news feed. I began with candidate generation and a light ranker, then a heavy ranker on the top few hundred.')}${comment('a2', 'Nice, did you pass? I am curious about the timeline and how many rounds there were in total.')}${comment('a3', 'In my screen I was asked “How would you evaluate a recommender offline?” and I talked about recall at k on a time-based split, plus the bias of logged data.')}`,
    );
    expect(thread.map((item) => item.question)).toEqual([
      'Design a ranking system for a news feed.',
      'How would you evaluate a recommender offline?',
    ]);
    const article =
      extract(`<h2>What is a feature store?</h2><p>${'A shared catalogue of features for training and serving, with one definition each. '.repeat(6)}</p><h2>How do you detect drift?</h2><p>${'Compare live feature distributions against training ones per feature. '.repeat(6)}</p>
      <div class="comments-area"><div class="comment-body"><p>I was asked to design a feature store in my interview. Any tips?</p></div></div>`);
    expect(article.map((item) => item.question)).toEqual(['What is a feature store?', 'How do you detect drift?']);
  });
});

describe('slide decks', () => {
  it('reads every slide title as a heading when each slide has its own <h1> (Marp, reveal.js exports)', () => {
    const slides = [
      ['What is gradient descent?', 'Step against the gradient until the loss stops falling.'],
      ['Why scale features?', 'Distances and gradients behave when ranges match.'],
      ['What is early stopping?', 'Stop when validation loss stops improving.'],
    ];
    const questions = extract(
      `<div class="marpit">${slides.map(([q, a]) => `<svg viewBox="0 0 1280 720"><foreignObject width="1280" height="720"><section><h1>${q}</h1><ul><li>${a}</li></ul></section></foreignObject></svg>`).join('')}</div>`,
    );
    expect(questions).toEqual(slides.map(([question, answer]) => ({ question, outline: [answer] })));
  });
});
