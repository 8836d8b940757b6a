/**
 * Why the microphone could not be opened, and what to do, for a drill that goes on without
 * it: the answer is typed or thought through instead.
 */
export function microphoneProblem(error: unknown): string {
  const name =
    error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
      ? String(error.name)
      : '';
  const what =
    name === 'NotFoundError' || name === 'OverconstrainedError'
      ? 'No microphone was found.'
      : name === 'NotAllowedError' || name === 'SecurityError'
        ? 'Chrome did not let Cuecard use the microphone (it was refused, or is blocked for Cuecard).'
        : name === 'NotReadableError'
          ? 'The microphone is in use by another program, or could not be opened.'
          : 'The microphone could not be opened.';
  return `${what} Type your answer below, or think it through, then show the card. To answer out loud next time, connect a microphone or allow it for Cuecard in Chrome’s site settings, then ask again.`;
}
