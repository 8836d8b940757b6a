/**
 * Whether a partial line already reads as a whole question: at least three words, closed by a
 * question mark (the recognisers punctuate; a question cut off mid-way has none yet).
 */
export function readsAsWholeQuestion(text: string): boolean {
  const trimmed = text.trim();
  return /\?["'”’)\]]*$/.test(trimmed) && trimmed.split(/\s+/).length >= 3;
}
