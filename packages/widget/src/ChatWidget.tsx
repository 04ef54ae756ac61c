import { startFormOf, type AssistantMessage } from '@flowise-kit/core';
import {
  ChatStream,
  Composer,
  FlowiseChatProvider,
  StartForm,
  useChatbotConfig,
  useMessageIds,
  useFlowisePrediction,
  useStarterPrompts,
  type FeedbackHandler,
  type UseFlowisePredictionOptions,
} from '@flowise-kit/react';
import { AnswerDetails } from './AnswerDetails.js';
import { Disclaimer, disclaimerAccepted } from './Disclaimer.js';
import { LeadForm, savedLead } from './LeadForm.js';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { themeToStyle, type EmbedTheme } from './embed-theme.js';
import './ChatWidget.css';

/** Props of {@link ChatWidget}: the hook's options plus what the widget shows. */
export interface ChatWidgetProps extends Omit<UseFlowisePredictionOptions, 'persistKey' | 'store'> {
  /** Header title. Default "Chat". */
  title?: string;
  /** Shown before the first question. */
  welcomeMessage?: string;
  /** Questions offered before the first one; default: the chatflow's own starter prompts (chatbot config). */
  starterPrompts?: string[];
  /** The composer's placeholder. Default: the theme's `chatWindow.textInput.placeholder`, else "Ask a question…". */
  placeholder?: string;
  /** flowise-embed's theme object (the keys listed in the README are honoured). */
  theme?: EmbedTheme;
  /** `light`, `dark` or `auto`. Default `light`. */
  colorScheme?: 'light' | 'dark' | 'auto';
  /** Start open. */
  defaultOpen?: boolean;
  /** Fill the container instead of floating behind a launcher button. */
  fullPage?: boolean;
  /** Persist chatId and history per chatflow in localStorage (default true). */
  persist?: boolean;
  /**
   * Keeps one user's saved conversation (and lead) apart from another's in the same browser, e.g. their account id.
   * Default: `overrideConfig.vars.customerId` when set (flowise-embed's customer id), else one per chatflow.
   */
  persistScope?: string;
  /** Thumbs up and down, with an optional comment. Default: as the chatflow's chatbot config says (`chatFeedback`). */
  feedback?: boolean;
  /** Each answer's sources as chips under it (default true). */
  showSources?: boolean;
  /** Each answer's tool and agent steps, collapsed under it (default true). */
  showTrace?: boolean;
  /** Show under each answer the tokens its model calls used, when Flowise reports them (default false). */
  showUsage?: boolean;
  /** Added to the widget's root element, for your own styles. */
  className?: string;
}

/**
 * A floating chat: a launcher button and a panel with the conversation, starter and follow-up prompts, feedback
 * thumbs (Flowise's feedback endpoint), copy and clear. Keyboard: the launcher is a button, Escape closes the panel
 * and focus returns to the launcher. The conversation (chatId and history) is kept per chatflow.
 */
export function ChatWidget({
  title,
  welcomeMessage,
  starterPrompts,
  placeholder,
  theme,
  colorScheme = 'light',
  defaultOpen = false,
  fullPage = false,
  persist = true,
  persistScope,
  feedback: feedbackProp,
  showSources = true,
  showTrace = true,
  showUsage = false,
  className,
  ...options
}: ChatWidgetProps) {
  const [open, setOpen] = useState(defaultOpen || fullPage);
  const panelId = useId();
  const launcher = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const customerId = (options.overrideConfig?.vars as { customerId?: unknown } | undefined)?.customerId;
  const scope = persistScope ?? (typeof customerId === 'string' ? customerId : undefined);
  const scopeKey = scope ? `${scope}:${options.chatflowId}` : options.chatflowId;
  const chat = useFlowisePrediction({ ...options, ...(persist ? { persistKey: `flowise-kit:${scopeKey}` } : {}) });
  const configOptions = {
    chatflowId: options.chatflowId,
    // The old connection's config was dropped by the store: ask the new one (the props are applied before this runs).
    reloadKey: options.apiHost + (options.apiKey ?? ''),
    store: chat.store,
  };
  const config = useChatbotConfig(configOptions);
  // flowData is the whole flow: parse it once per config.
  const startForm = useMemo(() => startFormOf(config), [config]);
  const empty = useMessageIds(chat.store).length === 0;
  const prompts = useStarterPrompts({ ...configOptions, prompts: starterPrompts ?? theme?.chatWindow?.starterPrompts });
  const [lead, setLead] = useState(() => savedLead(scopeKey));
  const [thanks, setThanks] = useState<string>();
  const needLead = config?.leads?.status === true && !lead;
  const [accepted, setAccepted] = useState(() => typeof window !== 'undefined' && disclaimerAccepted());
  // The theme's, else the chatbot config's (Flowise's own chatbot page takes its theme from the chatbot config).
  const wanted = theme?.disclaimer ?? (config?.disclaimer as EmbedTheme['disclaimer'] | undefined);
  const disclaimer = wanted && !accepted ? wanted : undefined;
  const showFeedback = feedbackProp ?? config?.chatFeedback?.status === true;
  const heading = title ?? theme?.chatWindow?.title ?? 'Chat';
  const welcome = welcomeMessage ?? theme?.chatWindow?.welcomeMessage;

  const close = useCallback(() => {
    setOpen(false);
    launcher.current?.focus();
  }, []);
  useEffect(() => {
    if (open && !fullPage) panel.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }, [open, fullPage]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !fullPage) {
      event.stopPropagation();
      close();
    }
  };
  const { store } = chat;
  const feedback = useCallback<FeedbackHandler>(
    // A failed rating leaves the thumbs as they were (an answer Flowise gave no id cannot be rated): no alert.
    (message, rating, content) => store.sendFeedback(message.id, rating, content).catch(() => undefined),
    [store],
  );
  const details = useCallback(
    (message: AssistantMessage) => (
      <AnswerDetails message={message} sources={showSources} trace={showTrace} usage={showUsage} />
    ),
    [showSources, showTrace, showUsage],
  );

  const rootClass = [
    'fk-widget',
    fullPage ? 'fk-widget--full' : 'fk-widget--floating',
    open ? 'fk-widget--open' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <FlowiseChatProvider store={chat.store}>
      <div className={rootClass} data-fk-theme={colorScheme} style={themeToStyle(theme)}>
        {open ? (
          <div
            ref={panel}
            id={panelId}
            className="fk-widget__panel"
            role={fullPage ? 'region' : 'dialog'}
            aria-label={heading}
            onKeyDown={onKeyDown}
          >
            {theme?.chatWindow?.showTitle === false ? null : (
              <header className="fk-widget__header">
                <span className="fk-widget__title">{heading}</span>
                <button
                  type="button"
                  className="fk-button fk-button--ghost"
                  onClick={() => chat.reset()}
                  aria-label="Clear conversation"
                >
                  Clear
                </button>
                {fullPage ? null : (
                  <button
                    type="button"
                    className="fk-button fk-button--ghost fk-widget__close"
                    onClick={close}
                    aria-label="Close chat"
                  >
                    ✕
                  </button>
                )}
              </header>
            )}
            {disclaimer ? (
              <Disclaimer disclaimer={disclaimer} onAccept={() => setAccepted(true)} onDeny={close} />
            ) : null}
            {needLead && config.leads ? (
              <div className="fk-widget__stream">
                {welcome ? (
                  <div className="fk-widget__welcome">
                    <p>{welcome}</p>
                  </div>
                ) : null}
                <LeadForm
                  leads={config.leads}
                  store={store}
                  chatflowId={options.chatflowId}
                  scope={scopeKey}
                  onSaved={(saved) => {
                    setLead(saved);
                    setThanks(config.leads?.successMessage);
                  }}
                />
              </div>
            ) : (
              <ChatStream
                className="fk-widget__stream"
                {...(showFeedback ? { onFeedback: feedback } : {})}
                renderAnswerDetails={details}
                emptyState={
                  startForm ? (
                    <>
                      {welcome ? (
                        <div className="fk-widget__welcome">
                          <p>{welcome}</p>
                        </div>
                      ) : null}
                      <StartForm form={startForm} onSubmit={(values) => void chat.send('', { form: values })} />
                    </>
                  ) : (
                    <div className="fk-widget__welcome">
                      {welcome ? <p>{welcome}</p> : null}
                      {thanks ? <p className="fk-widget__thanks">{thanks}</p> : null}
                      {prompts.length ? (
                        <div className="fk-followups" role="group" aria-label="Suggested questions">
                          {prompts.map((prompt) => (
                            <button
                              key={prompt}
                              type="button"
                              className="fk-chip"
                              onClick={() => void chat.send(prompt)}
                            >
                              {prompt}
                            </button>
                          ))}
                        </div>
                      ) : null}
                    </div>
                  )
                }
              />
            )}
            <Composer
              dropZone={panel}
              placeholder={placeholder ?? theme?.chatWindow?.textInput?.placeholder ?? 'Ask a question…'}
              disabled={needLead || Boolean(disclaimer) || (Boolean(startForm) && empty)}
            />
          </div>
        ) : null}
        {fullPage ? null : (
          <button
            ref={launcher}
            type="button"
            className="fk-widget__launcher"
            aria-label={open ? 'Close chat' : 'Open chat'}
            aria-expanded={open}
            aria-controls={open ? panelId : undefined}
            onClick={() => (open ? close() : setOpen(true))}
          >
            <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true">
              {open ? (
                <path
                  d="M6 6l12 12M18 6L6 18"
                  stroke="currentColor"
                  strokeWidth="2.2"
                  strokeLinecap="round"
                  fill="none"
                />
              ) : (
                <path d="M4 5h16v10H9l-5 4V5z" fill="currentColor" />
              )}
            </svg>
          </button>
        )}
      </div>
    </FlowiseChatProvider>
  );
}
