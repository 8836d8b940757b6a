/**
 * Turns what Chrome says when a tab cannot be captured into what the user should
 * know and do. Chrome's messages are matched loosely: their wording has changed over
 * versions.
 */
export function explainCaptureError(raw: unknown): string {
  const message = raw instanceof Error ? raw.message : String(raw);
  if (/chrome:\/\/|chrome-extension:|cannot be captured|Chrome pages|webstore|chromewebstore/i.test(message)) {
    return 'Chrome does not allow capturing this page (browser pages and the Web Store are protected). Switch to the tab with your interview and press Start again.';
  }
  if (/active stream|already being captured|already captured/i.test(message)) {
    return 'This tab is already being captured, by Cuecard or another extension. Stop the other capture, or reload the tab, then press Start again.';
  }
  if (/not been invoked|activeTab|invoked for the current page/i.test(message)) {
    return 'Chrome needs you to click the Cuecard toolbar button on the interview tab first. Click it there, then press Start.';
  }
  if (/permission|denied|NotAllowedError/i.test(message)) {
    return 'Permission to capture audio was refused. Allow it when Chrome asks, then press Start again.';
  }
  if (/No tab with id|tab was closed|Invalid tab/i.test(message)) {
    return 'That tab is gone. Open the interview tab again, then press Start.';
  }
  return `Capture could not start: ${message}. Reload the interview tab and press Start again.`;
}
