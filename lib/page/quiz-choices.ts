import { PROMPT_MARK } from './page-blocks';
import { cleanSpace } from './question-text';

// Quiz pages: each multiple-choice question is read as a card wants it, the text above the
// options as the question and the option(s) marked right as its answer.

const CHOICE = 'input[type="radio" i], input[type="checkbox" i], [role="radio"], [role="checkbox"]';
/** An option the page marks right: a class word "correct" (not "incorrect"), a "Correct" icon label, a data flag, a tick. */
const MARKED_RIGHT = /(?:^|[\s_-])(?:correct|right)(?:[\s_-]|answer|$)/i;
const isMarkedRight = (option: Element) =>
  [option, ...option.querySelectorAll('[class], [title], [aria-label], [data-correct]')].some(
    (element) =>
      MARKED_RIGHT.test(element.getAttribute('class') ?? '') ||
      /^correct\b/i.test(element.getAttribute('title') ?? element.getAttribute('aria-label') ?? '') ||
      element.getAttribute('data-correct') === 'true',
  ) || /[✓✔✅]|\((?:correct|right answer)\)/i.test(option.textContent ?? '');
/** "Select one:", "Choose all that apply": instructions between a quiz question and its options. */
const CHOICE_INSTRUCTION = /^(?:select|choose|pick|check|tick|mark)\b.{0,30}$/i;

/** The options of each multiple-choice question: the smallest box holding two or more choice controls. */
function choiceGroups(copy: Document): Element[] {
  const groups = new Set<Element>();
  for (const control of copy.querySelectorAll(CHOICE)) {
    let box = control.parentElement;
    while (box && box.querySelectorAll(CHOICE).length < 2) box = box.parentElement;
    if (box && box !== copy.body) groups.add(box);
  }
  // Options as a plain list, one of them ticked or marked right.
  for (const list of copy.querySelectorAll('ul, ol')) {
    const items = [...list.children].filter((child) => child.tagName === 'LI');
    // Only the item's own class and text: looking inside every item of every list costs too much on long pages.
    const ticked = items.filter(
      (item) =>
        MARKED_RIGHT.test(item.getAttribute('class') ?? '') ||
        /[✓✔✅]|\((?:correct|right answer)\)/i.test(item.textContent ?? ''),
    );
    if (items.length >= 3 && ticked.length === 1) groups.add(list);
  }
  return [...groups].filter((group) => ![...groups].some((other) => other !== group && group.contains(other)));
}

/**
 * A quiz question read the way a card wants it: the text above the options marked as the
 * question, the options replaced by the one(s) marked right (kept as they are when none is).
 */
function markChoices(group: Element, copy: Document): void {
  const options = [...group.children].filter(
    (child) => child.tagName === 'LI' || child.matches(CHOICE) || child.querySelector(CHOICE),
  );
  if (options.length < 2) return;
  const right = options.filter(isMarkedRight);
  if (right.length > 0 && right.length < options.length) {
    const answer = copy.createElement('p');
    answer.textContent = right
      .map((option) =>
        cleanSpace((option.textContent ?? '').replace(/[✓✔✅]|\((?:correct|right answer)\)/gi, '')).replace(
          /^[a-h][.)]\s+/i,
          '',
        ),
      )
      .join('; ');
    // The fieldset around the options goes too (Readability drops fieldsets, and the answer with them), unless its legend is the question.
    const fieldset = group.closest('fieldset');
    const legend = cleanSpace(fieldset?.querySelector('legend')?.textContent ?? '');
    if (fieldset && (!legend || CHOICE_INSTRUCTION.test(legend))) group = fieldset;
    group.replaceWith(answer);
    group = answer;
  }
  // The question is the nearest text before the options, past instructions such as "Select one:".
  for (let node: Element | null = group, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
    for (let before = node.previousElementSibling; before; before = before.previousElementSibling) {
      const text = cleanSpace(before.textContent ?? '');
      if (!text) continue;
      if (CHOICE_INSTRUCTION.test(text)) {
        before.remove();
        continue;
      }
      // On the innermost element that holds all of it: Readability swaps a box with one paragraph for the paragraph.
      let prompt = before;
      while (prompt.children.length === 1 && cleanSpace(prompt.children[0]!.textContent ?? '') === text)
        prompt = prompt.children[0]!;
      prompt.setAttribute(PROMPT_MARK, '');
      return;
    }
  }
}

/** Marks every multiple-choice question on the copy (see markChoices). */
export function markQuizChoices(copy: Document): void {
  for (const group of choiceGroups(copy)) markChoices(group, copy);
}
