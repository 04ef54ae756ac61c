// The recordings of a real Flowise 3.1.4 server, bundled as text for stories. `@flowise-kit/fixtures` is their folder
// (../shared/fixtures), an alias from @flowise-kit/testing set in .storybook/main.ts and this package's vitest config.
import agentTools from '@flowise-kit/fixtures/agent-tools-stream.http?raw';
import agentflowAborted from '@flowise-kit/fixtures/agentflow-aborted.http?raw';
import agentflow from '@flowise-kit/fixtures/agentflow-stream.http?raw';
import conversation from '@flowise-kit/fixtures/conversation-stream.http?raw';
import hitl from '@flowise-kit/fixtures/hitl-stream.http?raw';
import dropped from '@flowise-kit/fixtures/llm-drops-midstream.http?raw';
import noApiKey from '@flowise-kit/fixtures/no-apikey-stream.http?raw';
import retrieval from '@flowise-kit/fixtures/retrieval-stream.http?raw';
import toolAgent from '@flowise-kit/fixtures/toolagent-stream.http?raw';

/** The body of a recorded HTTP response (what follows the blank line after the headers). */
function body(recording: string): string {
  return recording.slice(recording.indexOf('\r\n\r\n') + 4);
}

/** Recorded stream bodies by name. */
export const recordings = {
  conversation: body(conversation),
  retrieval: body(retrieval),
  toolAgent: body(toolAgent),
  agentflow: body(agentflow),
  agentTools: body(agentTools),
  agentflowAborted: body(agentflowAborted),
  hitl: body(hitl),
  dropped: body(dropped),
  noApiKey: body(noApiKey),
};

/** A recording's name. */
export type RecordingName = keyof typeof recordings;
