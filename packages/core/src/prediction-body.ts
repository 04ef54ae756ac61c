import type { FileUpload } from './uploads.js';

/** The JSON body of `POST /api/v1/prediction/:chatflowId` (flowise-protocol.md §1). */
export interface PredictionBody {
  /** The user's question (empty when resuming a human-input node). */
  question: string;
  /** Ask Flowise to stream server-sent events; it may still answer JSON. */
  streaming?: boolean;
  /** The conversation's id; Flowise keeps its memory per chatId. */
  chatId?: string;
  /** Node inputs to override for this prediction (only those the chatflow allows). */
  overrideConfig?: Record<string, unknown>;
  /** Earlier turns, for flows without server-side memory. */
  history?: {
    /** Who said it: the model (`apiMessage`) or the user. */
    role: 'apiMessage' | 'userMessage';
    /** What was said. */
    content: string;
  }[];
  /** Files or URLs sent with the question (images, audio, documents). */
  uploads?: FileUpload[];
  /** Input of an Agentflow v2 Start node set to form input. */
  form?: Record<string, unknown>;
  /** The answer to a human-input node: proceed or reject, from which node, with optional feedback. */
  humanInput?: {
    /** Approve or reject what the node proposed. */
    type: 'proceed' | 'reject';
    /** The human-input node to resume from (the action's `data.nodeId`). */
    startNodeId?: string;
    /** Free text passed on to the flow. */
    feedback?: string;
  };
  /** The action a human-input answer refers to (Flowise echoes it back). */
  action?: unknown;
  /** The e-mail of a lead-capture form. */
  leadEmail?: string;
}
