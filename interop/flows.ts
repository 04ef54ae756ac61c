/**
 * The flows the suite needs, built from the JSON templates Flowise ships in `marketplaces/`, with every model
 * pointed at the test model server (the parts: flow-parts.ts).
 */
import type { FlowiseAdmin } from './admin';
import { drop, edge, modelConfig, nodeFromRegistry, template, TEST_KEY, useTestModel, type Flow } from './flow-parts';

/** The text the retrieval flow answers from; its metadata source is what the test expects back. */
export const DOCUMENT = {
  text: 'The fox counts the stones by the river every morning. The moon listens to the fox.',
  source: 'https://example.com/fox-and-river',
};

function detailed(tool: Flow): Flow {
  const copy = structuredClone(tool);
  copy.nodes.find((n) => n.id === 'toolAgent_0')!.data.inputs.enableDetailedStreaming = true;
  return copy;
}

export interface Flows {
  conversation: string;
  toolAgent: string;
  /** The tool agent with "Enable Detailed Streaming": it sends the custom event `agent_trace`. */
  toolTrace: string;
  retrieval: string;
  agentflow: string;
  humanInput: string;
  /** The human-input agentflow with "Enable Feedback" on: the human's text goes on to the next LLM. */
  humanFeedback: string;
  /** Agentflow v2 whose Start node takes a form ({@link START_FORM}); its LLM is asked about `$form.name`. */
  startForm: string;
  protected: string;
  /** The conversation chain with a chatbot config as Flowise's "Share chatbot" screen saves it: leads, feedback, prompts. */
  configured: string;
  apiKey: string;
}

/** The Start node inputs of `Flows.startForm`, as Flowise's editor saves a form of every field type. */
export const START_FORM = {
  startInputType: 'formInput',
  formTitle: 'Plan a visit',
  formDescription: 'Who is coming?',
  formInputTypes: [
    { type: 'string', label: 'Your name', name: 'visitor' },
    { type: 'number', label: 'Guests', name: 'guests' },
    { type: 'options', label: 'Room', name: 'room', addOptions: [{ option: 'Garden' }, { option: 'Library' }] },
    { type: 'boolean', label: 'Vegetarian', name: 'vegetarian' },
  ],
};

/** The chatbot config of `Flows.configured`, as Flowise's UI writes it (a JSON string on the chatflow). */
export const CHATBOT_CONFIG = {
  starterPrompts: { 0: { prompt: 'What do foxes count? [[starter]]' }, 1: { prompt: 'Tell me more' } },
  chatFeedback: { status: true },
  leads: { status: true, title: 'Who are you?', name: true, email: true, phone: false, successMessage: 'Thank you!' },
  disclaimer: { title: 'Please note', message: 'Answers may be wrong.', buttonText: 'Accept' },
};

export async function createFlows(admin: FlowiseAdmin, modelUrl: string): Promise<Flows> {
  // Conversation chain: ChatOpenAI + buffer memory.
  const conversation = template('chatflows', 'Conversation Chain');
  useTestModel(
    conversation.nodes.find((n) => n.id === 'chatOpenAI_0')!,
    modelUrl,
  );

  // Tool agent with the calculator (the template's SerpAPI needs the internet: dropped).
  const tool = drop(template('chatflows', 'Tool Agent'), 'serpAPI_0', 'stickyNote_0');
  useTestModel(
    tool.nodes.find((n) => n.id === 'chatOpenAI_0')!,
    modelUrl,
  );
  tool.nodes.find((n) => n.id === 'toolAgent_0')!.data.inputs.tools = ['{{calculator_1.data.instance}}'];

  // Conversational retrieval QA over an in-memory vector store of a plain text (instead of a file and FAISS).
  const retrieval = drop(
    template('chatflows', 'Conversational Retrieval QA Chain'),
    'textFile_0',
    'faiss_0',
    'documentStore_0',
    'stickyNote_0',
  );
  useTestModel(
    retrieval.nodes.find((n) => n.id === 'chatMistralAI_0')!,
    modelUrl,
  );
  const embeddings = retrieval.nodes.find((n) => n.id === 'openAIEmbeddings_0')!;
  Object.assign(embeddings.data.inputs, {
    basepath: `${modelUrl}/v1`,
    openAIApiKey: TEST_KEY,
    modelName: 'text-embedding-3-small',
  });
  delete embeddings.data.credential;
  retrieval.nodes.push(
    await nodeFromRegistry(
      admin,
      'plainText',
      'plainText_0',
      {
        text: DOCUMENT.text,
        textSplitter: '{{recursiveCharacterTextSplitter_0.data.instance}}',
        metadata: JSON.stringify({ source: DOCUMENT.source }),
      },
      'document',
    ),
    await nodeFromRegistry(
      admin,
      'memoryVectorStore',
      'memoryVectorStore_0',
      { document: ['{{plainText_0.data.instance}}'], embeddings: '{{openAIEmbeddings_0.data.instance}}', topK: '' },
      'retriever',
    ),
  );
  const chain = retrieval.nodes.find((n) => n.id === 'conversationalRetrievalQAChain_0')!;
  Object.assign(chain.data.inputs, {
    vectorStoreRetriever: '{{memoryVectorStore_0.data.instance}}',
    model: '{{chatMistralAI_0.data.instance}}',
    returnSourceDocuments: true,
  });
  retrieval.edges.push(
    edge('recursiveCharacterTextSplitter_0', 'plainText_0', 'textSplitter'),
    edge('plainText_0', 'memoryVectorStore_0', 'document'),
    edge('openAIEmbeddings_0', 'memoryVectorStore_0', 'embeddings'),
    edge('memoryVectorStore_0', 'conversationalRetrievalQAChain_0', 'vectorStoreRetriever'),
  );

  // Agentflow v2: Start → LLM (the Translator template, its model swapped and its prompt made plain).
  const agentflow = template('agentflowsv2', 'Translator');
  const llm = agentflow.nodes.find((n) => n.data.name === 'llmAgentflow')!;
  Object.assign(llm.data.inputs, {
    llmModel: 'chatOpenAICustom',
    llmModelConfig: modelConfig(modelUrl),
    llmMessages: [],
    llmEnableMemory: true,
    llmReturnResponseAs: 'userMessage',
  });

  // Agentflow v2 with a Human Input node: Start → Human Input → (proceed) LLM, (reject) LLM.
  const hitlTemplate = template('agentflowsv2', 'Human In The Loop');
  const human = structuredClone(hitlTemplate.nodes.find((n) => n.data.name === 'humanInputAgentflow')!);
  Object.assign(human.data.inputs, {
    humanInputDescriptionType: 'fixed',
    humanInputDescription: '<p>Proceed?</p>',
    humanInputEnableFeedback: false,
    humanInputModelConfig: modelConfig(modelUrl),
  });
  const start = structuredClone(agentflow.nodes.find((n) => n.data.name === 'startAgentflow')!);
  const proceedLlm = structuredClone(llm);
  const rejectLlm = structuredClone(llm);
  for (const [node, id] of [
    [proceedLlm, 'llmAgentflow_1'],
    [rejectLlm, 'llmAgentflow_2'],
  ] as const) {
    node.id = id;
    node.data.id = id;
    node.data.label = id === 'llmAgentflow_1' ? 'After approval' : 'After rejection';
  }
  const humanInput: Flow = {
    nodes: [start, human, proceedLlm, rejectLlm],
    edges: [
      { ...agentflow.edges[0]!, target: human.id, id: 'e1', targetHandle: human.id },
      {
        source: human.id,
        sourceHandle: `${human.id}-output-0`,
        target: proceedLlm.id,
        targetHandle: proceedLlm.id,
        id: 'e2',
        type: 'agentFlow',
        data: { sourceColor: '', targetColor: '', edgeLabel: 'proceed', isHumanInput: true },
      },
      {
        source: human.id,
        sourceHandle: `${human.id}-output-1`,
        target: rejectLlm.id,
        targetHandle: rejectLlm.id,
        id: 'e3',
        type: 'agentFlow',
        data: { sourceColor: '', targetColor: '', edgeLabel: 'reject', isHumanInput: true },
      },
    ],
  };

  // The same with the Human Input node's feedback box on.
  const withFeedback = structuredClone(humanInput);
  withFeedback.nodes.find((n) => n.id === human.id)!.data.inputs.humanInputEnableFeedback = true;

  // Agentflow v2 Start (form input) → LLM whose message names the form's fields.
  const formFlow = structuredClone(agentflow);
  Object.assign(formFlow.nodes.find((n) => n.data.name === 'startAgentflow')!.data.inputs, START_FORM);
  formFlow.nodes.find((n) => n.data.name === 'llmAgentflow')!.data.inputs.llmMessages = [
    { role: 'user', content: '<p>{{ $form.visitor }} books {{ $form.room }} for {{ $form.guests }}</p>' },
  ];

  const ids = {
    conversation: await admin.createFlow('interop conversation', 'CHATFLOW', conversation),
    toolAgent: await admin.createFlow('interop tool agent', 'CHATFLOW', tool),
    toolTrace: await admin.createFlow('interop tool agent, detailed streaming', 'CHATFLOW', detailed(tool)),
    retrieval: await admin.createFlow('interop retrieval', 'CHATFLOW', retrieval),
    agentflow: await admin.createFlow('interop agentflow', 'AGENTFLOW', agentflow),
    humanInput: await admin.createFlow('interop human input', 'AGENTFLOW', humanInput),
    humanFeedback: await admin.createFlow('interop human input with feedback', 'AGENTFLOW', withFeedback),
    startForm: await admin.createFlow('interop start form', 'AGENTFLOW', formFlow),
    protected: await admin.createFlow('interop protected', 'CHATFLOW', structuredClone(conversation)),
    configured: await admin.createFlow('interop configured', 'CHATFLOW', structuredClone(conversation)),
  };
  await admin.setChatbotConfig(ids.configured, CHATBOT_CONFIG);
  const apiKey = await admin.protect(ids.protected);
  return { ...ids, apiKey };
}
