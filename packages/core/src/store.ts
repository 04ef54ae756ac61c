/**
 * The chat store: a zustand store of {@link ChatState} (plain data) with the chat's actions on it. The moving parts
 * live in small objects of their own: the {@link Session} (options, the client, what is cached per chatflow) and
 * the {@link ActiveRequest} (the prediction in flight). Every Flowise call a UI makes goes through here.
 */
import { createStore } from 'zustand/vanilla';
import { ActiveRequest, type RequestHost } from './active-request.js';
import type { FeedbackRating } from './client.js';
import { FlowiseError } from './errors.js';
import type { PredictionBody } from './prediction-body.js';
import { addDiagnostic } from './reducer.js';
import { defined } from './defined.js';
import { Session } from './session.js';
import { uploadActions } from './store-uploads.js';
import { initialChatState, isOpenAnswer, type AnswerFeedback, type ChatState } from './state.js';
import type { ChatActions, ChatStore, ChatStoreOptions, SendOptions } from './store-types.js';
import { abortTurn, beginTurn, dropLastTurn, withFeedback } from './turn.js';

/**
 * Creates the store for one conversation with one chatflow.
 *
 * @example
 * const chat = createChatStore({ apiHost: 'http://localhost:3000', chatflowId: 'my-flow' });
 * chat.subscribe((state) => console.log(state.status));
 * await chat.send('Hello');
 */
export function createChatStore(options: ChatStoreOptions): ChatStore {
  const { initialState, ...sessionOptions } = options;
  const store = createStore<ChatState>()(() =>
    initialChatState({ ...(options.chatId ? { chatId: options.chatId } : {}), ...initialState }),
  );
  let active: ActiveRequest | undefined;
  let lastQuestion: { question: string; options: SendOptions | undefined } | undefined;
  let disposed = false;
  /** The latest rating of each answer, in flight or done: the next one waits for it. */
  const ratings = new Map<string, Promise<AnswerFeedback>>();

  const setState = (state: ChatState) => {
    if (!disposed && state !== store.getState()) store.setState(state, true);
  };
  const session = new Session(sessionOptions, (kind, detail) =>
    setState(addDiagnostic(store.getState(), { at: session.now(), kind, detail })),
  );
  const host: RequestHost = {
    session,
    getState: store.getState,
    setState,
    owns: (request) => active === request && !disposed,
    release: (request) => {
      if (active === request) active = undefined;
    },
  };

  function send(question: string, sendOptions?: SendOptions): Promise<void> {
    if (disposed) return Promise.resolve();
    if (active) return active.done;
    const form = sendOptions?.form && Object.keys(sendOptions.form).length > 0 ? sendOptions.form : undefined;
    const hasInput =
      question.trim() !== '' ||
      Boolean(sendOptions?.uploads?.length) ||
      sendOptions?.humanInput !== undefined ||
      form !== undefined;
    if (!hasInput) return Promise.resolve();
    const chatId = store.getState().chatId ?? session.id();
    const ids = { userMessageId: session.id(), assistantMessageId: session.id() };
    const turn = { ...ids, question, now: session.now(), ...defined({ uploads: sendOptions?.uploads, form }) };
    setState(beginTurn({ ...store.getState(), chatId }, turn));
    lastQuestion = { question, options: sendOptions };
    active = new ActiveRequest(host, chatId);
    return active.start(predictionBody(question, chatId, sendOptions));
  }

  function predictionBody(question: string, chatId: string, sendOptions?: SendOptions): PredictionBody {
    const { config } = session;
    const body: PredictionBody = { ...sendOptions, question, streaming: config.streaming !== false, chatId };
    const overrideConfig = { ...config.overrideConfig, ...sendOptions?.overrideConfig };
    if (Object.keys(overrideConfig).length > 0) body.overrideConfig = overrideConfig;
    return body;
  }

  /** Ends the open turn here and now; the server is asked to stop too (best effort: not every flow obeys). */
  function stopTurn(askServer: boolean): void {
    const request = active;
    if (!request) return;
    request.close();
    active = undefined;
    request.controller.abort();
    setState(abortTurn(store.getState(), session.now()));
    // A question still queued behind another tab was never sent: the abort would stop that tab's answer.
    if (!askServer || !request.sent) return;
    const chatId = store.getState().chatId ?? request.chatId;
    session.client.abortPrediction(session.config.chatflowId, chatId).catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      setState(addDiagnostic(store.getState(), { at: session.now(), kind: 'abort-call-failed', detail }));
    });
  }

  async function rateAnswer(messageId: string, rating: FeedbackRating, content?: string): Promise<AnswerFeedback> {
    const state = store.getState();
    const answer = state.messages.find((m) => m.id === messageId);
    const chatMessageId = answer?.role === 'assistant' ? answer.metadata.chatMessageId : undefined;
    if (!state.chatId || !chatMessageId || answer?.role !== 'assistant') {
      const message = 'This answer cannot be rated yet: Flowise has not given it a message id.';
      throw new FlowiseError({ kind: 'bad-response', message });
    }
    const comment = defined({ content: content ?? answer.feedback?.content });
    let feedback: AnswerFeedback;
    if (answer.feedback) {
      // One record per answer: a change of mind or a comment updates it.
      await session.client.updateFeedback(answer.feedback.id, { rating, ...comment });
      feedback = { id: answer.feedback.id, rating, ...comment };
    } else {
      const { chatflowId } = session.config;
      const record = await session.client.sendFeedback({
        chatflowId,
        chatId: state.chatId,
        messageId: chatMessageId,
        rating,
        ...comment,
      });
      feedback = { id: record.id, rating, ...comment };
    }
    setState(withFeedback(store.getState(), messageId, feedback));
    return feedback;
  }

  const { forget: forgetUploadsConfig, ...uploads } = uploadActions({ session, getState: store.getState, setState });
  /** What survives a reset or a hydrate: the chatflow's settings, not the conversation. */
  const kept = () => defined({ uploadsConfig: store.getState().uploadsConfig });

  const actions: ChatActions = {
    ...uploads,
    send,
    stop: () => stopTurn(true),
    retry() {
      if (active || disposed) return active?.done ?? Promise.resolve();
      const dropped = dropLastTurn(store.getState());
      // After a reload this session asked nothing yet: the history's last question is asked again, uploads and all.
      const question = dropped.question?.text ?? lastQuestion?.question;
      if (question === undefined) return Promise.resolve();
      const { uploads, form } = dropped.question ?? {};
      const saved = defined({ uploads, form });
      const sendOptions = lastQuestion?.options ?? (Object.keys(saved).length > 0 ? saved : undefined);
      setState(dropped.state);
      return send(question, sendOptions);
    },
    reset() {
      stopTurn(true);
      lastQuestion = undefined;
      setState(initialChatState(kept()));
    },
    hydrate(state) {
      stopTurn(false);
      setState(closeOpenAnswers(initialChatState({ ...kept(), ...state }), session.now()));
    },
    configure(next) {
      const before = session.config;
      session.configure(next);
      const after = session.config;
      // Another chatflow, or another server: what it accepts is asked again.
      if (
        before.chatflowId !== after.chatflowId ||
        before.apiHost !== after.apiHost ||
        before.apiKey !== after.apiKey ||
        before.ragUploads !== after.ragUploads
      ) {
        forgetUploadsConfig();
      }
    },
    dispose() {
      stopTurn(true);
      disposed = true;
    },
    sendFeedback(messageId: string, rating: FeedbackRating, content?: string) {
      // One at a time per answer: a second click before Flowise answered the first must update, not create again.
      const run = (ratings.get(messageId) ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => rateAnswer(messageId, rating, content));
      ratings.set(messageId, run);
      return run;
    },
    uploadedFileUrl(fileName) {
      const { chatId } = store.getState();
      return chatId ? session.client.uploadedFileUrl(session.config.chatflowId, chatId, fileName) : undefined;
    },
    async downloadFile(fileName) {
      const { chatId } = store.getState();
      if (!chatId)
        throw new FlowiseError({ kind: 'bad-response', message: 'There is no conversation to download from.' });
      return session.client.downloadFile(session.config.chatflowId, chatId, fileName);
    },
    loadChatbotConfig: (chatflowId) => session.loadChatbotConfig(chatflowId),
    client: session.client,
  };
  return Object.assign(store, actions);
}

/** A restored state must not show an answer as still streaming: nothing is feeding it any more. */
function closeOpenAnswers(state: ChatState, now: number): ChatState {
  if (!state.messages.some(isOpenAnswer)) {
    return state.status === 'submitted' || state.status === 'streaming' ? { ...state, status: 'aborted' } : state;
  }
  return abortTurn(state, now);
}
