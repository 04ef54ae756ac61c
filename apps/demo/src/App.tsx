import { createReplayFetch, type AssistantMessage } from '@flowise-kit/core';
import {
  AnswerUsage,
  ChatStream,
  Composer,
  FlowiseChatProvider,
  StartForm,
  useFlowisePrediction,
  useLatestAnswerId,
  useMessageIds,
  useStartForm,
} from '@flowise-kit/react';
import { useCallback, useEffect, useState } from 'react';
import { AnswerDetails } from './AnswerDetails';
import { Inspector } from './Inspector';
import { fromRecording } from './recording';
import { DEMO_SCENARIOS } from './scenarios';
import { Settings } from './Settings';
import { isMock, loadConnection, saveConnection, type Connection } from './settings';
import { useEventLog } from './useEventLog';

const usage = (message: AssistantMessage) => <AnswerUsage message={message} />;

export function App() {
  const [connection, setConnection] = useState<Connection>(loadConnection);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [replaying, setReplaying] = useState<string | undefined>();
  const [replayError, setReplayError] = useState<string | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const log = useEventLog();

  const chat = useFlowisePrediction({
    apiHost: connection.apiHost,
    chatflowId: connection.chatflowId,
    apiKey: connection.apiKey || undefined,
    persistKey: 'flowise-kit-demo:chat',
    onEvent: log.record,
  });
  const { watch } = log;
  useEffect(() => watch(chat.store), [watch, chat.store]);
  const latest = useLatestAnswerId(chat.store);
  // An agentflow that starts with a form asks for it before the first question.
  const form = useStartForm({ store: chat.store, chatflowId: connection.chatflowId, reloadKey: connection.apiHost });
  const empty = useMessageIds(chat.store).length === 0;
  const answerId = selected ?? latest;

  const update = (next: Connection) => {
    setConnection(next);
    saveConnection(next);
  };
  const newChat = useCallback(() => {
    chat.reset();
    log.clear();
    setSelected(undefined);
  }, [chat, log]);
  const replay = async (file: File) => {
    try {
      const events = fromRecording(await file.text());
      chat.store.configure({ fetch: createReplayFetch({ source: events }), checkStreamable: false });
      setReplaying(file.name);
      setReplayError(undefined);
    } catch (error) {
      setReplayError(error instanceof Error ? error.message : String(error));
    }
  };
  const live = () => {
    chat.store.configure({ fetch: undefined, checkStreamable: true });
    setReplaying(undefined);
  };

  return (
    <FlowiseChatProvider store={chat.store}>
      <div className="demo">
        <header className="demo-header">
          <h1>flowise-kit</h1>
          {isMock(connection) ? (
            <label className="demo-header__scenario">
              <span>Mock scenario</span>
              <select
                value={connection.chatflowId}
                onChange={(e) => update({ ...connection, chatflowId: e.target.value })}
              >
                {DEMO_SCENARIOS.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
                {/* A flow picked by URL or Settings that the list does not name (a recording's `fixture-…`) shows as itself. */}
                {!connection.chatflowId || DEMO_SCENARIOS.some((s) => s.id === connection.chatflowId) ? null : (
                  <option value={connection.chatflowId}>{connection.chatflowId}</option>
                )}
              </select>
            </label>
          ) : (
            <span className="demo-header__flow">
              Chatflow <code>{connection.chatflowId}</code> at <code>{connection.apiHost || 'proxy'}</code>
            </span>
          )}
          <span className="demo-header__spacer" />
          <button type="button" className="fk-button" onClick={newChat}>
            New chat
          </button>
          <button type="button" className="fk-button" onClick={() => setSettingsOpen(true)}>
            Settings
          </button>
        </header>
        {replaying ? (
          <div className="demo-banner" role="status">
            Replaying <strong>{replaying}</strong>: ask anything to play it.{' '}
            <button type="button" className="fk-button fk-button--ghost" onClick={live}>
              Back to live
            </button>
          </div>
        ) : null}
        {replayError ? (
          <div className="demo-banner demo-banner--error" role="alert">
            {replayError}
          </div>
        ) : null}
        <main className="demo-main">
          <section className="demo-chat" aria-label="Chat">
            <ChatStream
              className="demo-chat__stream"
              emptyState={
                form ? (
                  <StartForm form={form} onSubmit={(values) => void chat.send('', { form: values })} />
                ) : (
                  'Ask anything: the mock server answers with the scenario picked above.'
                )
              }
              onSelectAnswer={setSelected}
              renderAnswerDetails={usage}
              {...(answerId ? { selectedAnswerId: answerId } : {})}
            />
            <Composer disabled={Boolean(form) && empty} />
          </section>
          <aside className="demo-side">
            <AnswerDetails answerId={answerId} />
            <Inspector events={log.events} onReplay={(file) => void replay(file)} />
          </aside>
        </main>
        {settingsOpen ? (
          <Settings
            connection={connection}
            onClose={() => setSettingsOpen(false)}
            onSave={(next) => {
              update(next);
              setSettingsOpen(false);
            }}
          />
        ) : null}
      </div>
    </FlowiseChatProvider>
  );
}
