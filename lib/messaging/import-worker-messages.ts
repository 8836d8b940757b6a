import { z } from 'zod';

/** Panel → import worker: a page's HTML or a file's bytes to find questions in. */
export const importWorkerRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page'), html: z.string(), url: z.string() }),
  z.object({ type: z.literal('file'), name: z.string().min(1), bytes: z.instanceof(Uint8Array) }),
]);
export type ImportWorkerRequest = z.infer<typeof importWorkerRequestSchema>;

const extractedQuestionSchema = z.object({
  question: z.string(),
  outline: z.array(z.string()),
  section: z.string().optional(),
});

/** Import worker → panel: the questions found, "this file is a pack" (the pack import reads it), or why nothing was read. */
export const importWorkerReplySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done'), title: z.string(), questions: z.array(extractedQuestionSchema) }),
  z.object({ status: z.literal('pack') }),
  z.object({ status: z.literal('error'), message: z.string() }),
]);
export type ImportWorkerReply = z.infer<typeof importWorkerReplySchema>;
