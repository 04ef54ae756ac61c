import type { AssistantMessage, UserMessage } from '@flowise-kit/core';
import { useCallback } from 'react';
import { AnswerUsage, fillLabel, SourceChips, ToolTrace, useLabels } from '@flowise-kit/react';
import { MessageTime, type DateTimeToggle } from './MessageTime.js';

/** What the widget shows under a finished answer: its sources as chips, its tool and agent steps collapsed, its time, its token use if asked. */
export function AnswerDetails({
  message,
  sources,
  trace,
  usage = false,
  dateTime,
}: {
  message: AssistantMessage;
  sources: boolean;
  trace: boolean;
  usage?: boolean;
  dateTime?: DateTimeToggle | undefined;
}) {
  const labels = useLabels();
  const steps = message.usedTools.length + message.agentReasoning.length + (message.agentFlow?.nodes.length ?? 0);
  return (
    <>
      {sources ? <SourceChips messageId={message.id} /> : null}
      {trace && steps > 0 ? (
        <details className="fk-widget__trace">
          <summary>{steps === 1 ? labels.oneStep : fillLabel(labels.steps, { count: steps })}</summary>
          <ToolTrace messageId={message.id} />
        </details>
      ) : null}
      {usage ? <AnswerUsage message={message} /> : null}
      <MessageTime at={message.timings.endedAt} toggle={dateTime} />
    </>
  );
}

/** The widget's `renderAnswerDetails` and `renderQuestionDetails` (the latter only with a date/time toggle). */
export function useMessageDetails(
  sources: boolean,
  trace: boolean,
  dateTime: DateTimeToggle | undefined,
  usage = false,
) {
  const details = useCallback(
    (message: AssistantMessage) => (
      <AnswerDetails message={message} sources={sources} trace={trace} dateTime={dateTime} usage={usage} />
    ),
    [sources, trace, dateTime, usage],
  );
  const questionTime = useCallback(
    (message: UserMessage) => <MessageTime at={message.createdAt} toggle={dateTime} />,
    [dateTime],
  );
  return { details, questionTime: dateTime ? questionTime : undefined };
}
