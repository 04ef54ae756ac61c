import type { AssistantMessage } from '@flowise-kit/core';
import { fillLabel, useLabels } from '../../labels.js';

/** Props of {@link AnswerUsage}. */
export interface AnswerUsageProps {
  /** The answer whose model calls to add up. */
  message: Pick<AssistantMessage, 'usage'>;
  /** Added to the root element's classes. */
  className?: string;
}

/** The token counts of an answer's model calls, added up (`usageMetadata` events; absent keys count as 0). */
export function totalUsage(message: Pick<AssistantMessage, 'usage'>): { input: number; output: number; total: number } {
  const sum = (key: 'input_tokens' | 'output_tokens' | 'total_tokens') =>
    message.usage.reduce((n, u) => n + (typeof u[key] === 'number' && Number.isFinite(u[key]) ? u[key] : 0), 0);
  const input = sum('input_tokens');
  const output = sum('output_tokens');
  return { input, output, total: sum('total_tokens') || input + output };
}

const count = new Intl.NumberFormat('en');

/**
 * What an answer cost in tokens (agentflow LLM and Agent nodes report it): nothing for answers without a report.
 * Shown only where the app asks: `ChatWindow`'s `showUsage`, or inside `renderAnswerDetails`.
 *
 * @example
 * <ChatStream renderAnswerDetails={(message) => <AnswerUsage message={message} />} />
 */
export function AnswerUsage({ message, className }: AnswerUsageProps) {
  const labels = useLabels();
  if (message.usage.length === 0) return null;
  const { input, output, total } = totalUsage(message);
  const calls = message.usage.length;
  return (
    <p className={className ? `fk-usage ${className}` : 'fk-usage'}>
      {fillLabel(labels.usage, {
        total: count.format(total),
        input: count.format(input),
        output: count.format(output),
      })}
      {calls > 1 ? fillLabel(labels.usageCalls, { count: calls }) : ''}
    </p>
  );
}
