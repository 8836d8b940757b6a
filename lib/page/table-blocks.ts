import type { Block } from './page-blocks';
import { linkOnly, textOf } from './node-text';
import { looksLikeQuestion } from './question-text';

/**
 * The column of a table that holds its questions: the one its header calls "Question", else
 * the one with the most cells that read as questions, when two or more and at least 40% of its cells do.
 * Tables without one (a glossary, a comparison inside an answer) are content, kept whole.
 */
function questionColumn(header: readonly string[], body: ReadonlyArray<readonly string[]>): number | undefined {
  const named = header.findIndex((text) => /^(?:q|questions?|interview questions?)\b/i.test(text.trim()));
  if (named >= 0) return named;
  let best: number | undefined;
  let bestCount = 0;
  const width = Math.max(0, ...body.map((row) => row.length));
  for (let column = 0; column < width; column++) {
    const count = body.filter((row) => row[column] && looksLikeQuestion(row[column]!)).length;
    if (count > bestCount) [best, bestCount] = [column, count];
  }
  return best !== undefined && bestCount >= 2 && bestCount / body.length >= 0.4 ? best : undefined;
}

/** A table's rows as blocks; in a table with a question column, each row's answer follows it, then an end. */
export function readTable(table: Element, blocks: Block[], readCell: (cell: Element) => void): void {
  const rows = [...table.querySelectorAll('tr')]
    .filter((row) => row.closest('table') === table)
    .map((row) => {
      const cells = [...row.children].filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
      return {
        cells,
        texts: cells.map((cell) => textOf([cell])),
        header: cells.length > 0 && cells.every((cell) => cell.tagName === 'TH'),
      };
    });
  const headerTexts = rows.find((row) => row.header)?.texts ?? [];
  const question = questionColumn(
    headerTexts,
    rows.filter((row) => !row.header && row.cells.length >= 2).map((row) => row.texts),
  );
  const linked = rows.map(
    (row) => question !== undefined && row.cells[question] !== undefined && linkOnly([row.cells[question]]),
  );
  // A table of contents: when most question cells are links, the rest are its section labels.
  const index = linked.filter(Boolean).length * 2 >= rows.filter((row) => !row.header).length;
  for (const [i, { cells, texts, header }] of rows.entries()) {
    blocks.push({ kind: 'row', cells: texts, header, table, question, questionLinkOnly: index || linked[i]! });
    if (question === undefined || header) continue;
    // The answer is the columns after the question's (before it when it is the last): the first read as blocks, so its lists and code keep their shape, the others as labelled lines.
    const after = cells.slice(question + 1);
    const answer = after.length > 0 ? after : cells.slice(0, question);
    const columns = after.length > 0 ? answer.map((_, i) => question + 1 + i) : answer.map((_, i) => i);
    if (answer[0]) readCell(answer[0]);
    answer.slice(1).forEach((cell, i) => {
      const text = texts[columns[i + 1]!];
      const label = headerTexts[columns[i + 1]!];
      if (text)
        blocks.push({
          kind: 'text',
          text: label ? `${label}: ${text}` : text,
          bold: false,
          linkOnly: linkOnly([cell]),
          disclosure: false,
        });
    });
    blocks.push({ kind: 'end' });
  }
}
