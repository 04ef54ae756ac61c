import { isOpenAnswer, type ChatState } from '@flowise-kit/core';
import { SourceList, ToolTrace, hasAnswerDetails, selectMessage, useChatSelector } from '@flowise-kit/react';

/** What the side panel says when the selected answer has nothing for SourceList and ToolTrace to show. */
function emptyNote(state: ChatState, answerId: string | undefined): string | undefined {
  const answer = answerId ? selectMessage(state, answerId) : undefined;
  // No answer yet, or the selected one is gone (retried, or a new chat).
  if (answer?.role !== 'assistant')
    return 'Sources and tool calls of an answer show here. Click an answer to select it.';
  if (hasAnswerDetails(answer)) return undefined;
  return isOpenAnswer(answer) ? 'No sources or tool calls yet.' : 'This answer has no sources or tool calls.';
}

/**
 * The side panel for the selected answer: its sources and its tool trace, or a line saying there are none, so the
 * panel is never a blank box. The note is a string selector: a token re-renders it only when the note changes.
 */
export function AnswerDetails({ answerId }: { answerId: string | undefined }) {
  const note = useChatSelector((state) => emptyNote(state, answerId));
  return (
    <div className="demo-details" aria-label="Selected answer">
      <h2>Selected answer</h2>
      <SourceList {...(answerId ? { messageId: answerId } : {})} />
      <ToolTrace {...(answerId ? { messageId: answerId } : {})} />
      {note ? <p className="demo-muted">{note}</p> : null}
    </div>
  );
}
