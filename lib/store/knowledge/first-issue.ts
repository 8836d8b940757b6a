import type { ZodError } from 'zod';

/** What is wrong with a refused entry or answer, as "field: problem". */
export function firstIssue(error: ZodError, whole: string): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || whole}: ${issue.message}`;
}
