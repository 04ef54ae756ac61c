/**
 * A chatflow whose vector store takes uploaded files (Flowise's "RAG file upload"): Text File loader → SimpleStore
 * (LlamaIndex; it persists to a folder, so what an upsert adds is there for the next question — the In-Memory store
 * forgets it, FAISS needs a native build) → Query Engine, returning its source documents; the chat model and the
 * embeddings are the test model server's.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { FlowiseAdmin } from './admin';
import { TEST_KEY } from './flow-parts';

async function node(admin: FlowiseAdmin, name: string, id: string, inputs: Record<string, unknown>, output: string) {
  const definition = await admin.node(name);
  return {
    id,
    type: 'customNode',
    position: { x: 0, y: 0 },
    data: {
      ...definition,
      id,
      name,
      inputParams: definition.inputs,
      inputAnchors: [],
      // Flowise finds what a node's chosen output feeds by this anchor's id and the edge's handle (a loader feeding a
      // vector store is skipped when answering: the store has the documents).
      outputAnchors: [{ name: 'output', options: [{ id: `${id}-output-${output}`, name: output }] }],
      inputs,
      outputs: { output },
    },
  };
}

const edge = (source: string, output: string, target: string, handle: string) => ({
  id: `${source}-${target}-${handle}`,
  source,
  target,
  sourceHandle: `${source}-output-${output}`,
  targetHandle: `${target}-input-${handle}`,
  type: 'buttonedge',
});

/**
 * Creates the chatflow; returns its id and the folder its store persists to (the caller removes it). Flowise keeps a
 * vector store's folder inside ~/.flowise or its blob storage; the first is the one a test can name.
 */
export async function createRagFlow(admin: FlowiseAdmin, modelUrl: string): Promise<{ id: string; storeDir: string }> {
  const flowiseHome = join(homedir(), '.flowise');
  mkdirSync(flowiseHome, { recursive: true });
  const storeDir = mkdtempSync(join(flowiseHome, 'flowise-kit-rag-'));
  const model = { basepath: `${modelUrl}/v1`, openAIApiKey: TEST_KEY };
  const nodes = [
    await node(admin, 'textFile', 'textFile_0', { txtFile: '', textSplitter: '', metadata: '' }, 'document'),
    await node(
      admin,
      'chatOpenAI_LlamaIndex',
      'chatOpenAI_LlamaIndex_0',
      {
        ...model,
        modelName: 'gpt-3.5-turbo',
        temperature: 0,
      },
      'llm',
    ),
    await node(
      admin,
      'openAIEmbedding_LlamaIndex',
      'openAIEmbedding_LlamaIndex_0',
      {
        ...model,
        modelName: 'text-embedding-ada-002',
      },
      'embeddings',
    ),
    await node(
      admin,
      'simpleStoreLlamaIndex',
      'simpleStoreLlamaIndex_0',
      {
        document: ['{{textFile_0.data.instance}}'],
        model: '{{chatOpenAI_LlamaIndex_0.data.instance}}',
        embeddings: '{{openAIEmbedding_LlamaIndex_0.data.instance}}',
        basePath: storeDir,
        topK: '2',
        // What makes Flowise offer RAG uploads (isRAGFileUploadAllowed) and upsert into this store.
        fileUpload: true,
      },
      'retriever',
    ),
    await node(
      admin,
      'simpleResponseBuilderLlamaIndex',
      'simpleResponseBuilderLlamaIndex_0',
      {},
      'responseSynthesizer',
    ),
    await node(
      admin,
      'queryEngine',
      'queryEngine_0',
      {
        vectorStoreRetriever: '{{simpleStoreLlamaIndex_0.data.instance}}',
        // Without one the engine answers with LlamaIndex's default model (api.openai.com), not the store's.
        responseSynthesizer: '{{simpleResponseBuilderLlamaIndex_0.data.instance}}',
        returnSourceDocuments: true,
      },
      'queryEngine',
    ),
  ];
  const edges = [
    edge('textFile_0', 'document', 'simpleStoreLlamaIndex_0', 'document-Document'),
    edge('chatOpenAI_LlamaIndex_0', 'llm', 'simpleStoreLlamaIndex_0', 'model-BaseChatModel_LlamaIndex'),
    edge(
      'openAIEmbedding_LlamaIndex_0',
      'embeddings',
      'simpleStoreLlamaIndex_0',
      'embeddings-BaseEmbedding_LlamaIndex',
    ),
    edge('simpleStoreLlamaIndex_0', 'retriever', 'queryEngine_0', 'vectorStoreRetriever-VectorIndexRetriever'),
    edge(
      'simpleResponseBuilderLlamaIndex_0',
      'responseSynthesizer',
      'queryEngine_0',
      'responseSynthesizer-ResponseSynthesizer',
    ),
  ];
  const id = await admin.createFlow('interop rag upload', 'CHATFLOW', { nodes, edges });
  // The upsert hands the uploaded file to the loader as an override: the chatflow must allow that override.
  const apiConfig = { overrideConfig: { status: true, nodes: { 'Text File': [{ name: 'txtFile', enabled: true }] } } };
  await admin.updateFlow(id, { apiConfig: JSON.stringify(apiConfig) });
  return { id, storeDir };
}
