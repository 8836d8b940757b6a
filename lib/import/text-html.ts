const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain-text notes as HTML: each line a paragraph of its own, so a question on its line stays apart from its answer. */
export function plainTextToHtml(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return `<!doctype html><html><body><article>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</article></body></html>`;
}
