import type { AssistantMessage } from '@flowise-kit/core';
import { AnswerUsage, SourceChips, ToolTrace } from '@flowise-kit/react';

/** What the widget shows under a finished answer: its sources as chips, its tool and agent steps collapsed, its token use if asked. */
export function AnswerDetails({
  message,
  sources,
  trace,
  usage,
}: {
  message: AssistantMessage;
  sources: boolean;
  trace: boolean;
  usage: boolean;
}) {
  const steps = message.usedTools.length + message.agentReasoning.length + (message.agentFlow?.nodes.length ?? 0);
  return (
    <>
      {sources ? <SourceChips messageId={message.id} /> : null}
      {trace && steps > 0 ? (
        <details className="fk-widget__trace">
          <summary>{steps === 1 ? '1 step' : `${steps} steps`}</summary>
          <ToolTrace messageId={message.id} />
        </details>
      ) : null}
      {usage ? <AnswerUsage message={message} /> : null}
    </>
  );
}
