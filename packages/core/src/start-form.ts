/**
 * An Agentflow v2 Start node set to "Form Input" asks for a form instead of a question. Flowise publishes the flow
 * (without credentials) as the chatbot config's `flowData`; the form is read from its Start node's inputs.
 */
import type { ChatbotConfig } from './client.js';

/** One field of a {@link StartFormSpec}. */
export interface StartFormField {
  /** The key in the `form` object sent to Flowise (the flow reads it as `$form.<name>`). */
  name: string;
  /** What the user sees; the name when the flow gives none. */
  label: string;
  /** Flowise's field types: free text, a number, a yes/no switch, or one of `options`. */
  type: 'string' | 'number' | 'boolean' | 'options';
  /** The choices of an `options` field. */
  options?: string[];
}

/** The form an agentflow asks for before it starts (`startInputType: 'formInput'`). */
export interface StartFormSpec {
  /** The form's heading. */
  title?: string;
  /** A line under the heading. */
  description?: string;
  /** The fields, in the flow's order. */
  fields: StartFormField[];
}

/** What a filled-in {@link StartFormSpec} sends: text, numbers and booleans by field name. */
export type StartFormValues = Record<string, string | number | boolean>;

const FIELD_TYPES = new Set<StartFormField['type']>(['string', 'number', 'boolean', 'options']);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function field(raw: unknown): StartFormField | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { name, label, type, addOptions } = raw as Record<string, unknown>;
  const key = text(name);
  if (!key) return undefined;
  // An unknown type (a newer Flowise) still collects something: free text.
  const kind = FIELD_TYPES.has(type as StartFormField['type']) ? (type as StartFormField['type']) : 'string';
  const result: StartFormField = { name: key, label: text(label) ?? key, type: kind };
  if (kind === 'options') {
    const options = Array.isArray(addOptions)
      ? addOptions.map((o) => text((o as { option?: unknown } | null)?.option)).filter((o) => o !== undefined)
      : [];
    if (options.length === 0) return { ...result, type: 'string' };
    result.options = options;
  }
  return result;
}

/**
 * The start form of an agentflow from its chatbot config, or `undefined` when the flow starts with a chat question
 * (every chatflow, and agentflows whose Start node takes chat input) or `flowData` cannot be read.
 *
 * @example
 * const form = startFormOf(await store.loadChatbotConfig());
 * if (form) await store.send('', { form: { name: 'Ada', age: 36 } });
 */
export function startFormOf(config: ChatbotConfig | undefined): StartFormSpec | undefined {
  const flowData = config?.flowData;
  if (typeof flowData !== 'string') return undefined;
  let nodes: unknown;
  try {
    nodes = (JSON.parse(flowData) as { nodes?: unknown }).nodes;
  } catch {
    return undefined;
  }
  if (!Array.isArray(nodes)) return undefined;
  const start = nodes.find((n) => (n as { data?: { name?: unknown } } | null)?.data?.name === 'startAgentflow') as
    { data: { inputs?: Record<string, unknown> } } | undefined;
  const inputs = start?.data.inputs;
  if (inputs?.startInputType !== 'formInput' || !Array.isArray(inputs.formInputTypes)) return undefined;
  const fields = inputs.formInputTypes.map(field).filter((f) => f !== undefined);
  if (fields.length === 0) return undefined;
  const form: StartFormSpec = { fields };
  const title = text(inputs.formTitle);
  const description = text(inputs.formDescription);
  if (title) form.title = title;
  if (description) form.description = description;
  return form;
}
