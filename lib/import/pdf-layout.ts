/** A run of text on a PDF page as pdf.js gives it: where it starts (points, y up), its size and weight. */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
  /** Width of the run in points (0 when unknown). */
  width: number;
  /** Font size in points. */
  size: number;
  bold: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  page: number;
}

type Block = { tag: 'h1' | 'h2' | 'h3' | 'h4' | 'p' | 'strong' | 'li'; text: string; last: Line };

const BULLET = /^\s*[•▪◦‣●■–-]\s+/;
const PAGE_NUMBER = /^\s*(?:page\s*)?\d+(?:\s*(?:of|\/)\s*\d+)?\s*$/i;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Runs on one baseline (within half a character) become one line, read left to right. */
function linesOf(runs: readonly PdfTextRun[], page: number): Line[] {
  const sorted = runs.filter((run) => run.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextRun[][] = [];
  for (const run of sorted) {
    const group = groups.at(-1);
    if (group && Math.abs(group[0]!.y - run.y) <= Math.min(group[0]!.size, run.size) / 2) group.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const run of group) {
      // pdf.js splits words at font changes and drops some spaces: a visible gap is a space.
      if (text && !/\s$/.test(text) && !/^\s/.test(run.text) && run.x - end > run.size * 0.15) text += ' ';
      text += run.text;
      end = run.x + run.width;
    }
    const chars = (runs: PdfTextRun[]) => runs.reduce((sum, run) => sum + run.text.replace(/\s/g, '').length, 0);
    const boldChars = chars(group.filter((run) => run.bold));
    return {
      text: text.replace(/\s+/g, ' ').trim(),
      x: group[0]!.x,
      y: group[0]!.y,
      size: Math.max(...group.map((run) => run.size)),
      bold: boldChars > 0 && boldChars >= chars(group) * 0.6,
      page,
    };
  });
}

/** Headers, footers and page numbers: lines in the top or bottom tenth of the text's height that repeat at the same height on half the pages or more (numbers aside), or a bare page number. */
function withoutPageFurniture(pages: Line[][]): Line[][] {
  const heights = pages.flat().map((line) => line.y);
  const [low, high] = [Math.min(...heights), Math.max(...heights)];
  const edge = (line: Line) => line.y <= low + (high - low) * 0.1 || line.y >= high - (high - low) * 0.1;
  const key = (line: Line) => `${Math.round(line.y / 4)}|${line.text.replace(/\d+/g, '#')}`;
  const pagesWith = new Map<string, number>();
  for (const lines of pages)
    for (const k of new Set(lines.filter(edge).map(key))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  const repeated = (line: Line) => {
    const count = pagesWith.get(key(line)) ?? 0;
    return edge(line) && count >= 2 && count >= pages.length / 2;
  };
  return pages.map((lines) => lines.filter((line) => !repeated(line) && !PAGE_NUMBER.test(line.text)));
}

/** The size most of the text is set in. */
function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines)
    weight.set(Math.round(line.size * 2) / 2, (weight.get(Math.round(line.size * 2) / 2) ?? 0) + line.text.length);
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/**
 * A PDF's text as HTML for the page extraction: lines larger than the body become
 * headings (the largest, when it appears once, the title), bold body lines become
 * <strong> paragraphs, bullets become list items, and lines close together join into
 * one paragraph. Headers, footers and page numbers are left out.
 */
export function pdfPagesToHtml(pages: readonly (readonly PdfTextRun[])[], title = ''): string {
  const lines = withoutPageFurniture(pages.map((runs, page) => linesOf(runs, page))).flat();
  const body = bodySize(lines);
  const larger = [
    ...new Set(lines.filter((line) => line.size >= body * 1.15).map((line) => Math.round(line.size * 2) / 2)),
  ].sort((a, b) => b - a);
  const onlyOnce =
    larger[0] !== undefined && lines.filter((line) => Math.round(line.size * 2) / 2 === larger[0]).length === 1;
  const tagOf = (line: Line): Block['tag'] => {
    const rank = larger.indexOf(Math.round(line.size * 2) / 2);
    if (rank >= 0)
      return onlyOnce
        ? rank === 0
          ? 'h1'
          : (`h${Math.min(rank + 1, 4)}` as Block['tag'])
        : (`h${Math.min(rank + 2, 4)}` as Block['tag']);
    if (BULLET.test(line.text)) return 'li';
    return line.bold ? 'strong' : 'p';
  };
  const blocks: Block[] = [];
  for (const line of lines) {
    const tag = tagOf(line);
    const previous = blocks.at(-1);
    const gap = previous && previous.last.page === line.page ? previous.last.y - line.y : Number.POSITIVE_INFINITY;
    const close = gap <= Math.max(line.size, previous?.last.size ?? 0) * 1.45;
    // A wrapped line continues its block: same kind, close below; a list item's continuation is indented past the bullet.
    const continues =
      previous &&
      close &&
      tag !== 'li' &&
      (previous.tag === tag || (previous.tag === 'li' && tag === 'p' && line.x > previous.last.x));
    if (previous && continues) {
      previous.text += ` ${line.text}`;
      previous.last = tag === 'p' && previous.tag === 'li' ? { ...line, x: previous.last.x } : line;
    } else {
      blocks.push({ tag, text: tag === 'li' ? line.text.replace(BULLET, '') : line.text, last: line });
    }
  }
  let html = '';
  blocks.forEach((block, index) => {
    const text = escapeHtml(block.text);
    if (block.tag === 'li') {
      if (blocks[index - 1]?.tag !== 'li') html += '<ul>';
      html += `<li>${text}</li>`;
      if (blocks[index + 1]?.tag !== 'li') html += '</ul>';
    } else if (block.tag === 'strong') html += `<p><strong>${text}</strong></p>`;
    else html += `<${block.tag}>${text}</${block.tag}>`;
  });
  return `<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body><article>${html}</article></body></html>`;
}
