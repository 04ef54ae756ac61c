/**
 * The chatflows of the media proofs (issue 13), all on the Conversation Chain template and the test model:
 * image uploads on a vision chat model, full-file uploads, speech to text, and text to speech (on request and auto-play).
 * The speech providers are OpenAI's (Whisper, TTS): they build their client from a credential's API key alone, and the
 * Flowise processes get `OPENAI_BASE_URL` pointed at the test model (`modelEnv` in `flowise.ts`).
 */
import type { FlowiseAdmin } from './admin';
import { TEST_KEY, template, useTestModel } from './flow-parts';

export interface MediaFlows {
  /** ChatOpenAI (a vision-capable node) with "Allow Image Uploads" on, its base path on the test model. */
  vision: string;
  /** The conversation chain with the chatbot config's full-file upload on for {@link FULL_FILE_TYPES}. */
  fullFile: string;
  /** The conversation chain with OpenAI Whisper speech to text and OpenAI text to speech (no auto-play); public. */
  speech: string;
  /** The same, with the answers read aloud inside the prediction stream (`autoPlay`). */
  speechAutoPlay: string;
}

/** The types `POST attachments` accepts on `MediaFlows.fullFile`, as Flowise's settings screen saves them. */
export const FULL_FILE_TYPES = 'text/plain,text/markdown';

/** The model's settings of `MediaFlows.vision`, as the editor saves a ChatOpenAI node. */
const visionInputs = (modelUrl: string) => ({
  cache: '',
  modelName: 'gpt-4o-mini',
  temperature: 0,
  streaming: true,
  maxTokens: '',
  topP: '',
  frequencyPenalty: '',
  presencePenalty: '',
  timeout: '',
  basepath: `${modelUrl}/v1`,
  baseOptions: '',
  allowImageUploads: true,
  imageResolution: 'low',
  openAIApiKey: TEST_KEY,
});

export async function createMediaFlows(admin: FlowiseAdmin, modelUrl: string): Promise<MediaFlows> {
  const vision = template('chatflows', 'Conversation Chain');
  const visionModel = vision.nodes.find((n) => n.id === 'chatOpenAI_0')!;
  visionModel.data.inputs = visionInputs(modelUrl);
  // The node's parameters as this Flowise defines them (the uploads config looks for `allowImageUploads` there).
  visionModel.data.inputParams = (await admin.node('chatOpenAI')).inputs;
  delete visionModel.data.credential;

  const conversation = template('chatflows', 'Conversation Chain');
  useTestModel(
    conversation.nodes.find((n) => n.id === 'chatOpenAI_0')!,
    modelUrl,
  );

  const ids: MediaFlows = {
    vision: await admin.createFlow('interop vision', 'CHATFLOW', vision),
    fullFile: await admin.createFlow('interop full-file upload', 'CHATFLOW', structuredClone(conversation)),
    speech: await admin.createFlow('interop speech', 'CHATFLOW', structuredClone(conversation)),
    speechAutoPlay: await admin.createFlow('interop speech, auto-play', 'CHATFLOW', structuredClone(conversation)),
  };
  await admin.setChatbotConfig(ids.fullFile, {
    fullFileUpload: { status: true, allowedUploadFileTypes: FULL_FILE_TYPES },
  });

  const credentialId = await admin.createCredential('interop openai', 'openAIApi', { openAIApiKey: TEST_KEY });
  const speechToText = { openAIWhisper: { status: true, credentialId, language: 'en' } };
  const textToSpeech = (autoPlay: boolean) => ({ openai: { status: true, credentialId, voice: 'alloy', autoPlay } });
  await admin.updateFlow(ids.speech, {
    speechToText: JSON.stringify(speechToText),
    textToSpeech: JSON.stringify(textToSpeech(false)),
    // Anonymous text-to-speech calls need a public chatflow.
    isPublic: true,
  });
  await admin.updateFlow(ids.speechAutoPlay, {
    speechToText: JSON.stringify(speechToText),
    textToSpeech: JSON.stringify(textToSpeech(true)),
    isPublic: true,
  });
  return ids;
}
