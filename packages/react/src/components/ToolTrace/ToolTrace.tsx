import type { AgentFlowState, AgentReasoningStep, ChatStore, ToolCall } from '@flowise-kit/core';
import { lazy, memo, Suspense, useState } from 'react';
import { useChatStore } from '../../context.js';
import { hasToolTrace, pendingToolCalls, useToolTrace } from '../../selectors.js';
import { DEFAULT_JSON_LIMIT } from './format.js';
import { Payload } from './Payload.js';
import { useLabels } from '../../labels.js';
import '../../styles/theme.css';
import './ToolTrace.css';

/** Props of {@link ToolTrace}. */
export interface ToolTraceProps {
  /** Whose trace; default: the latest answer. */
  messageId?: string;
  /** The store; defaults to the one from `FlowiseChatProvider`. */
  store?: ChatStore;
  /** Added to the root element's classes, for your own styles. */
  className?: string;
  /** Characters shown of one input or output. Default 4000. */
  jsonLimit?: number;
  /** How the agentflow's nodes show first: a `timeline` list (default) or a `graph`; the user can switch. */
  defaultFlowView?: FlowView;
}

/** The two views of an agentflow run in {@link ToolTrace}. */
export type FlowView = 'timeline' | 'graph';

/**
 * What the flow did for an answer: the tools it called (name, input, output, errors; pending calls while they run),
 * the agentflow's node timeline and multi-agent reasoning steps. Renders nothing when there is nothing to show.
 * Subscribes to these fields only: tokens never render it.
 */
export const ToolTrace = memo(function ToolTrace({
  messageId,
  store,
  className,
  jsonLimit = DEFAULT_JSON_LIMIT,
  defaultFlowView = 'timeline',
}: ToolTraceProps) {
  const trace = useToolTrace(messageId, useChatStore(store));
  const labels = useLabels();
  if (!hasToolTrace(trace)) return null;
  const pending = pendingToolCalls(trace);
  return (
    <section className={className ? `fk-tool-trace ${className}` : 'fk-tool-trace'} aria-label={labels.trace}>
      {trace.agentFlow?.nodes.length ? <FlowSection flow={trace.agentFlow} defaultView={defaultFlowView} /> : null}
      {trace.agentReasoning.length > 0 ? <AgentSteps steps={trace.agentReasoning} limit={jsonLimit} /> : null}
      {trace.usedTools.length + pending.length > 0 ? (
        <div className="fk-tool-trace__group">
          <h3 className="fk-tool-trace__title">{labels.tools}</h3>
          <ul className="fk-tool-trace__list">
            {trace.usedTools.map((call, index) => (
              <ToolCallItem key={`used-${index}`} call={call} state={call.error ? 'error' : 'done'} limit={jsonLimit} />
            ))}
            {pending.map((call, index) => (
              <ToolCallItem key={`called-${index}`} call={call} state="running" limit={jsonLimit} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
});

// Its own chunk: only a reader who asks for the graph downloads it.
const FlowGraph = lazy(() => import('./FlowGraph.js').then((module) => ({ default: module.FlowGraph })));

const TOOL_STATE_LABEL = { done: 'toolDone', running: 'toolRunning', error: 'toolFailed' } as const;

function ToolCallItem({ call, state, limit }: { call: ToolCall; state: keyof typeof TOOL_STATE_LABEL; limit: number }) {
  const labels = useLabels();
  return (
    <li className={`fk-tool fk-tool--${state}`}>
      <details>
        <summary>
          <span className="fk-tool__name">{call.tool}</span>
          <span className={`fk-status fk-status--${state}`}>{labels[TOOL_STATE_LABEL[state]]}</span>
        </summary>
        <Payload label={labels.input} value={call.toolInput} limit={limit} />
        {state !== 'running' ? <Payload label={labels.output} value={call.toolOutput} limit={limit} /> : null}
        {call.error ? <Payload label={labels.error} value={call.error} limit={limit} /> : null}
      </details>
    </li>
  );
}

function FlowSection({ flow, defaultView }: { flow: AgentFlowState; defaultView: FlowView }) {
  const [view, setView] = useState(defaultView);
  const labels = useLabels();
  const status = flow.status?.toLowerCase();
  return (
    <div className="fk-tool-trace__group">
      <div className="fk-flow-head">
        <h3 className="fk-tool-trace__title">
          {labels.flow} {status ? <span className={`fk-status fk-status--${status}`}>{status}</span> : null}
        </h3>
        <div className="fk-flow-views" role="group" aria-label={labels.showFlowAs}>
          {(['timeline', 'graph'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className="fk-flow-views__button"
              aria-pressed={view === option}
              onClick={() => setView(option)}
            >
              {option === 'timeline' ? labels.timeline : labels.graph}
            </button>
          ))}
        </div>
      </div>
      {view === 'graph' ? (
        <Suspense fallback={<FlowTimeline flow={flow} />}>
          <FlowGraph flow={flow} />
        </Suspense>
      ) : (
        <FlowTimeline flow={flow} />
      )}
    </div>
  );
}

function FlowTimeline({ flow }: { flow: AgentFlowState }) {
  return (
    <ol className="fk-timeline">
      {flow.nodes.map((node) => (
        <li key={node.nodeId} className={`fk-timeline__item fk-timeline__item--${node.status.toLowerCase()}`}>
          <span className="fk-timeline__label">{node.nodeLabel || node.nodeId}</span>
          <span className={`fk-status fk-status--${node.status.toLowerCase()}`}>{node.status.toLowerCase()}</span>
          {node.error ? <p className="fk-timeline__error">{node.error}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function AgentSteps({ steps, limit }: { steps: AgentReasoningStep[]; limit: number }) {
  const labels = useLabels();
  return (
    <div className="fk-tool-trace__group">
      <h3 className="fk-tool-trace__title">{labels.agents}</h3>
      <ol className="fk-timeline">
        {steps.map((step, index) => (
          <li key={index} className="fk-timeline__item">
            <span className="fk-timeline__label">{step.agentName}</span>
            {step.next ? <span className="fk-timeline__next">→ {step.next}</span> : null}
            {step.messages.map((message, i) => (
              <p key={i} className="fk-timeline__message">
                {message}
              </p>
            ))}
            {step.usedTools?.length ? (
              <ul className="fk-tool-trace__list">
                {step.usedTools.map((call, i) => (
                  <ToolCallItem key={i} call={call} state={call.error ? 'error' : 'done'} limit={limit} />
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
