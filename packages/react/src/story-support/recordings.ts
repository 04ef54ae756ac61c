// The recordings of a real Flowise 3.1.4 server (../shared/fixtures), bundled as text for stories.
import agentTools from '../../../../../shared/fixtures/agent-tools-stream.http?raw';
import agentflowAborted from '../../../../../shared/fixtures/agentflow-aborted.http?raw';
import agentflow from '../../../../../shared/fixtures/agentflow-stream.http?raw';
import conversation from '../../../../../shared/fixtures/conversation-stream.http?raw';
import hitl from '../../../../../shared/fixtures/hitl-stream.http?raw';
import dropped from '../../../../../shared/fixtures/llm-drops-midstream.http?raw';
import noApiKey from '../../../../../shared/fixtures/no-apikey-stream.http?raw';
import retrieval from '../../../../../shared/fixtures/retrieval-stream.http?raw';
import toolAgent from '../../../../../shared/fixtures/toolagent-stream.http?raw';

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
