import {
  commandFailed,
  isCommand,
  parseRuntimeMessage,
  type CommandReply,
  type RuntimeMessage,
} from './runtime-messages';

type Sender = { id?: string; url?: string };

/**
 * The background's runtime.onMessage listener. Every command is answered, a failure
 * included (as an error reply the panel shows), so a throw never leaves a panel waiting
 * for a reply that will not come; a failure on an event (no one waits) is reported.
 */
export function commandListener(
  handle: (message: RuntimeMessage, sender: Sender) => Promise<CommandReply | undefined>,
  report: (error: unknown) => void,
): (raw: unknown, sender: Sender, sendResponse: (reply: CommandReply) => void) => boolean {
  return (raw, sender, sendResponse) => {
    const message = parseRuntimeMessage(raw);
    if (!message) return false;
    const command = isCommand(message);
    handle(message, sender).then(
      (reply) => {
        if (reply) sendResponse(reply);
      },
      (error: unknown) => {
        if (command) sendResponse(commandFailed(error));
        else report(error);
      },
    );
    // Keep the channel open only for the commands, which are answered.
    return command;
  };
}
