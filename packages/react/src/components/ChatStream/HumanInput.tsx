import type { FlowiseAction } from '@flowise-kit/core';
import { useState } from 'react';
import { useLabels } from '../../labels.js';

/** A human-in-the-loop button was pressed: `proceed` or `reject`, its label, and the feedback typed beside it. */
export type HumanInputHandler = (
  action: FlowiseAction,
  type: 'proceed' | 'reject',
  label: string,
  feedback?: string,
) => void;

/**
 * Approve / reject buttons of an agentflow's human-input node, with an optional feedback text beside them (Flowise
 * passes it to the flow, e.g. to say what to change before it goes on).
 */
export function HumanInput({ action, onAction }: { action: FlowiseAction; onAction: HumanInputHandler }) {
  const [feedback, setFeedback] = useState('');
  const labels = useLabels();
  const elements = action.elements?.length
    ? action.elements
    : [
        { type: 'agentflowv2-approve-button', label: action.mapping?.approve ?? labels.proceed },
        { type: 'agentflowv2-reject-button', label: action.mapping?.reject ?? labels.reject },
      ];
  return (
    <div className="fk-actions" role="group" aria-label={labels.approveOrReject}>
      <input
        className="fk-actions__feedback"
        aria-label={labels.humanFeedback}
        placeholder={labels.humanFeedback}
        value={feedback}
        maxLength={4000}
        onChange={(event) => setFeedback(event.target.value)}
      />
      {elements.map((element) => {
        const type = element.type.includes('reject') ? 'reject' : 'proceed';
        return (
          <button
            key={element.label}
            type="button"
            className={type === 'proceed' ? 'fk-button fk-button--primary' : 'fk-button'}
            onClick={() => onAction(action, type, element.label, feedback.trim())}
          >
            {element.label}
          </button>
        );
      })}
    </div>
  );
}
