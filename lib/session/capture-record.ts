import { keepsSession, UNANSWERED_DRILL_NOTICE } from '../drill/drill-capture';
import type { SessionEvent } from '../messaging/runtime-messages';
import { appendLine, deleteSession, endSessionRecord, type SessionDb } from './session-db';

/** What the session's record needs: the database, and a way to tell the panel. */
interface RecordPlatform {
  db: Promise<SessionDb>;
  broadcast(event: SessionEvent): void;
}

/** Writes lines; if storage refuses (quota), the line is still shown and the user is told, once. */
export function createLineSaver(platform: RecordPlatform) {
  let storageWarned = false;
  return async function saveLine(line: Parameters<typeof appendLine>[1]): Promise<void> {
    try {
      await appendLine(await platform.db, line);
    } catch (error) {
      if (storageWarned) return;
      storageWarned = true;
      platform.broadcast({
        kind: 'error',
        message: `This browser profile's storage is full (${(error as Error).name}): new lines are shown but not saved. Lines saved before are kept. Free disk space or delete old sessions, then press Stop and Start.`,
        fatal: false,
      });
    }
  };
}

/** Records the end of a session; a drill in which nothing was answered is deleted instead, saying so. */
export async function closeRecord(
  platform: RecordPlatform,
  session: { id: string; drill: boolean; answered: boolean },
  reason: 'user' | 'tab-ended' | 'error',
): Promise<void> {
  if (!keepsSession(session)) {
    await deleteSession(await platform.db, session.id).catch(() => undefined);
    platform.broadcast({ kind: 'notice', message: UNANSWERED_DRILL_NOTICE });
  } else {
    await endSessionRecord(await platform.db, session.id, reason);
  }
}
