import { DISCLOSURE_MARK } from './page-blocks';
import { markQuizChoices } from './quiz-choices';
import { RENDERED_BOLD, RENDERED_HIDDEN } from './read-rendered-page';
import { cleanSpace, MAX_QUESTION_LENGTH } from './question-text';

/** Boxes around an article that ask questions of their own ("Want more tips?"), by class or id: dropped before reading. */
const PROMO_BOX =
  /(?:^|[\s_-])(?:newsletter|subscribe|signup|promo|sponsor|advert|related|comment|share|cookie|popup|modal|cta(?![a-z])|upsell|breadcrumb)/i;
/** Comment threads: chatter under an article, but the content itself on a forum or a Reddit thread. */
const COMMENT_BOX = /(?:^|[\s_-])comment/i;
/** A toggle's label by its class ("expand-control-text", "accordion__title", "faq-question"), where no control marks it. */
const DISCLOSURE_CLASS =
  /(?:^|[\s_-])(?:expand|toggle|accordion|collaps|faq)[\w-]*?(?:control|title|header|heading|trigger|label|summary|question)(?![a-z])/i;
/** Headings of the site's own sections after an article: teasers, author bios, comments. Nothing under them is a question or an answer. */
export const CHROME_HEADING =
  /^(?:more from|recommended|related|you (?:might|may) also (?:like|enjoy)|read next|up next|more (?:stories|articles|posts) |popular (?:posts|articles|now)|trending|similar (?:reads|posts|articles)|suggested (?:topics|posts|reads)|written by|about the author|responses|comments?\b|\d+ (?:comments|responses|replies)|leave a (?:reply|comment)|join the conversation|share (?:this|the post))/i;
/** Controls that open an accordion panel: their label is the question. */
const DISCLOSURE_TRIGGERS =
  'button[aria-expanded], button[aria-controls], [role="button"][aria-expanded], [role="tab"][aria-expanded], [data-bs-toggle="collapse"], [data-toggle="collapse"]';

/**
 * Drops boxes around the article that ask questions of their own, by class or id, in one
 * pass with one pattern (thirty attribute selectors cost more than the rest of the reading),
 * and marks accordion labels found by class where no control marks them.
 */
function dropPromosMarkToggles(copy: Document): void {
  // Words are matched from their start ("relatedPosts", "post-share"), so "notion-selectable" is not a call to action.
  const promos: Array<{ box: Element; comment: boolean }> = [];
  const labels: Element[] = [];
  for (const box of copy.body?.querySelectorAll('[class], [id]') ?? []) {
    const name = `${box.getAttribute('class') ?? ''} ${box.id}`.replace(/([a-z])([A-Z])/g, '$1 $2');
    if (PROMO_BOX.test(name))
      promos.push({ box, comment: COMMENT_BOX.test(name) && !PROMO_BOX.test(name.replace(COMMENT_BOX, ' ')) });
    else if (DISCLOSURE_CLASS.test(name)) labels.push(box);
  }
  // Comments that hold most of the page's text are what the page is (a thread), not boxes around it.
  const commentText = promos
    .filter(({ box, comment }) => comment && !promos.some((other) => other.box !== box && other.box.contains(box)))
    .reduce((sum, { box }) => sum + (box.textContent?.length ?? 0), 0);
  const thread = commentText > 0.5 * (copy.body?.textContent?.length ?? 0);
  for (const { box, comment } of promos) if (!(thread && comment)) box.remove();
  for (const label of labels) {
    const text = cleanSpace(label.textContent ?? '');
    if (
      !label.isConnected ||
      !text ||
      text.length > MAX_QUESTION_LENGTH ||
      label.querySelector(`p, ul, ol, table, pre, [${DISCLOSURE_MARK}]`) ||
      label.closest(`[${DISCLOSURE_MARK}]`)
    )
      continue;
    label.setAttribute(DISCLOSURE_MARK, '');
  }
}

/**
 * A box that opens with a chrome heading ("More from…", "Responses (23)") is that section:
 * gone whole, as Readability may drop the heading and keep the cards.
 */
function dropChromeSections(copy: Document): void {
  for (const heading of copy.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')) {
    const text = cleanSpace(heading.textContent ?? '');
    if (!CHROME_HEADING.test(text) || !heading.isConnected) continue;
    let box: Element = heading;
    while (
      box.parentElement &&
      !/^(?:BODY|MAIN|ARTICLE)$/i.test(box.parentElement.tagName) &&
      cleanSpace(box.parentElement.textContent ?? '').startsWith(text)
    )
      box = box.parentElement;
    // A heading straight inside the article has no box of its own: its section runs to the next heading as high.
    if (box === heading && /^H[1-6]$/i.test(heading.tagName)) {
      const level = Number(heading.tagName[1]);
      for (
        let next = heading.nextElementSibling;
        next && !(/^H[1-6]$/i.test(next.tagName) && Number(next.tagName[1]) <= level);
      ) {
        const after: Element | null = next.nextElementSibling;
        next.remove();
        next = after;
      }
    }
    box.remove();
  }
}

/** Accordion controls become marked labels (Readability and the sanitiser drop buttons). */
function triggersAsLabels(copy: Document): void {
  for (const trigger of copy.querySelectorAll(DISCLOSURE_TRIGGERS)) {
    // An icon-only control (a toggle's caret, as Notion draws it) labels the block beside it.
    if (!trigger.textContent?.trim()) {
      const beside = trigger.nextElementSibling;
      if (beside?.textContent?.trim() && !beside.querySelector(DISCLOSURE_TRIGGERS)) {
        const label = copy.createElement('span');
        label.setAttribute(DISCLOSURE_MARK, '');
        label.append(...beside.childNodes);
        beside.append(label);
      }
      trigger.remove();
      continue;
    }
    const label = copy.createElement('span');
    label.setAttribute(DISCLOSURE_MARK, '');
    label.append(...trigger.childNodes);
    trigger.replaceWith(label);
  }
}

/**
 * A copy of the page ready to read: promotional boxes gone, collapsed answers shown,
 * accordion buttons turned into marked text (Readability and the sanitiser drop buttons).
 */
export function readableCopy(document: Document): Document {
  const copy = document.cloneNode(true) as Document;
  // What the page did not show, when it was read rendered: menus, dialogs, templates (collapsed panels are not marked).
  for (const hidden of copy.querySelectorAll(`[${RENDERED_HIDDEN}]`)) hidden.remove();
  // Bold by an inline style reads as bold whether or not the page was read rendered (Readability drops style attributes).
  for (const styled of copy.querySelectorAll('[style*="font-weight" i]'))
    if (/font-weight\s*:\s*(?:bold|[6-9]00)\b/i.test(styled.getAttribute('style') ?? ''))
      styled.setAttribute(RENDERED_BOLD, '');
  dropPromosMarkToggles(copy);
  for (const dialog of copy.querySelectorAll('[role="dialog"], [role="alertdialog"]')) dialog.remove();
  // HTML drawn inside an SVG (a Marp slide deck) is read as HTML: the reader and the sanitiser skip SVG.
  for (const drawing of copy.querySelectorAll('svg')) {
    const embedded = [...drawing.querySelectorAll('foreignObject')];
    if (embedded.length > 0 && drawing.isConnected)
      drawing.replaceWith(...embedded.flatMap((object) => [...object.childNodes]));
  }
  dropChromeSections(copy);
  triggersAsLabels(copy);
  markQuizChoices(copy);
  for (const hidden of copy.querySelectorAll('[hidden]')) hidden.removeAttribute('hidden');
  for (const collapsed of copy.querySelectorAll('[style*="display" i]'))
    (collapsed as HTMLElement).style.removeProperty('display');
  for (const details of copy.querySelectorAll('details')) details.setAttribute('open', '');
  collapseSpaces(copy);
  return copy;
}

/**
 * Runs of spaces made one, as the page renders them, outside preformatted text: Readability
 * re-reads each block's text for every ancestor it scores, so a hostile page's long runs of
 * whitespace cost it seconds per 100 kB.
 */
function collapseSpaces(document: Document): void {
  const walker = document.createTreeWalker(document.body ?? document, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.length > 1 && /\s\s/.test(text.data) && !text.parentElement?.closest('pre, textarea'))
      text.data = text.data.replace(/\s+/g, ' ');
  }
}
