import type {
  AgentFlowNodeStatus,
  AgentReasoningStep,
  FlowiseEvent,
  SourceDocument,
  ToolCall,
} from '@flowise-kit/core';

/** What the text output says after the answer: collected from the events as they pass. */
export class AnswerSummary {
  private sources: SourceDocument[] = [];
  private tools: ToolCall[] = [];
  private steps: AgentReasoningStep[] = [];
  private readonly nodes = new Map<string, AgentFlowNodeStatus>();
  private tokens = 0;
  private firstTokenAt: number | undefined;
  private lastTokenAt: number | undefined;
  chatId: string | undefined;
  /** The text of the flow's `error` event, if it failed while running. */
  flowError: string | undefined;
  /** Flowise sent `abort`: the answer was stopped on the server. */
  abortedByServer = false;

  constructor(private readonly startedAt: number) {}

  add(event: FlowiseEvent, now: number): void {
    switch (event.type) {
      case 'token':
        this.tokens++;
        this.firstTokenAt ??= now;
        this.lastTokenAt = now;
        break;
      case 'sourceDocuments':
        this.sources = event.data;
        break;
      case 'usedTools':
        this.tools = event.data;
        break;
      case 'agentReasoning':
        this.steps = event.data;
        break;
      case 'nextAgentFlow':
        this.nodes.set(event.data.nodeId, event.data);
        break;
      case 'metadata':
        this.chatId = event.data.chatId ?? this.chatId;
        break;
      case 'error':
        this.flowError = event.data;
        break;
      case 'abort':
        this.abortedByServer = true;
        break;
      default:
        break;
    }
  }

  /** The lines printed after the answer (on stderr, so stdout holds only the answer). */
  lines(): string[] {
    const lines: string[] = [];
    if (this.sources.length > 0) {
      lines.push(`sources (${this.sources.length}):`);
      this.sources.forEach((source, index) => lines.push(`  ${index + 1}. ${sourceLabel(source)}`));
    }
    for (const tool of this.tools) {
      lines.push(`tool ${tool.tool}(${clip(inline(tool.toolInput), 60)}) → ${clip(inline(tool.toolOutput), 80)}`);
    }
    for (const step of this.steps) lines.push(`agent ${step.agentName}: ${clip(step.messages.join(' '), 100)}`);
    if (this.nodes.size > 0) {
      lines.push(
        `agentflow: ${[...this.nodes.values()].map((node) => `${node.nodeLabel} ${node.status}`).join(' → ')}`,
      );
    }
    lines.push(this.timings());
    return lines;
  }

  private timings(): string {
    const parts = [this.chatId ? `chat id ${this.chatId}` : undefined];
    if (this.firstTokenAt !== undefined) parts.push(`first token after ${this.firstTokenAt - this.startedAt} ms`);
    const span = (this.lastTokenAt ?? 0) - (this.firstTokenAt ?? 0);
    const rate = span > 0 ? `, ${Math.round((this.tokens - 1) / (span / 1000))} tokens/s` : '';
    parts.push(`${this.tokens} tokens${rate}`);
    return parts.filter(Boolean).join(' · ');
  }
}

function sourceLabel(source: SourceDocument): string {
  const meta = source.metadata;
  const title = [meta.title, meta.source, meta.url].find((value): value is string => typeof value === 'string');
  return clip(title ?? inline(source.pageContent), 100);
}

function inline(value: unknown): string {
  return (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))).replace(/\s+/g, ' ').trim();
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
