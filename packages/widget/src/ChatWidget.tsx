import { startFormOf } from '@flowise-kit/core';
import {
  ChatStream,
  Composer,
  FlowiseChatProvider,
  LabelsProvider,
  RenderHtmlContext,
  defaultLabels,
  mergeLabels,
  StartForm,
  useChatbotConfig,
  useMessageIds,
  useFlowisePrediction,
  useStarterPrompts,
  type FeedbackHandler,
  type Labels,
  type UseFlowisePredictionOptions,
} from '@flowise-kit/react';
import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { useMessageDetails } from './AnswerDetails.js';
import { Disclaimer, disclaimerAccepted } from './Disclaimer.js';
import { themeLabels, themeToStyle, type EmbedTheme } from './embed-theme.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { Launcher, useAutoOpen } from './Launcher.js';
import { LeadForm, savedLead } from './LeadForm.js';
import { useObservers, type Observers } from './observers.js';
import { forget } from './remembered.js';
import { StarterPrompts, WelcomeBubble } from './Welcome.js';
import './ChatWidget.css';

/** What a page can do with a mounted widget (`controlRef`); the script build's `Chatbot.clearChat` uses it. */
export interface ChatWidgetControls {
  /** Empties the conversation (and what is saved of it), as the Clear button does. */
  clearChat: () => void;
  /** Opens the panel. */
  open: () => void;
  /** Closes the panel. */
  close: () => void;
}

/** Props of {@link ChatWidget}: the hook's options plus what the widget shows. */
export interface ChatWidgetProps extends Omit<UseFlowisePredictionOptions, 'persistKey' | 'store'> {
  /** Header title. Default: `theme.chatWindow.title`, else the `title` label ("Chat"). */
  title?: string;
  /** The conversation's first bubble; it stays there after the first question. */
  welcomeMessage?: string;
  /** Questions offered before the first one; default: the chatflow's own starter prompts (chatbot config). */
  starterPrompts?: string[];
  /** The composer's placeholder. Default: the theme's `chatWindow.textInput.placeholder`, else the label. */
  placeholder?: string;
  /** flowise-embed's theme object, typed (the README's table says how each key is honoured). */
  theme?: EmbedTheme;
  /** Replaces any English string the widget shows or announces (theme keys such as `tooltipMessage` win). */
  labels?: Partial<Labels>;
  /** `light`, `dark` or `auto`. Default `light`. */
  colorScheme?: 'light' | 'dark' | 'auto';
  /** Start open. */
  defaultOpen?: boolean;
  /** Fill the container instead of floating behind a launcher button. */
  fullPage?: boolean;
  /** Persist chatId and history per chatflow in localStorage (default true; `theme.chatWindow.clearChatOnReload` turns it off). */
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
  /** Told the typed text, the loading state and the messages as they change (flowise-embed's `observersConfig`). */
  observers?: Observers;
  /** Receives {@link ChatWidgetControls}: clear the chat, open or close the panel from the page. */
  controlRef?: Ref<ChatWidgetControls>;
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
  labels: labelsProp,
  colorScheme = 'light',
  defaultOpen = false,
  fullPage = false,
  persist = true,
  persistScope,
  feedback: feedbackProp,
  showSources = true,
  showTrace = theme?.chatWindow?.showAgentMessages ?? true,
  observers,
  controlRef,
  showUsage = false,
  className,
  ...options
}: ChatWidgetProps) {
  const win = theme?.chatWindow;
  const [open, setOpen] = useState(defaultOpen || fullPage);
  const [right, setRight] = useState(theme?.button?.right ?? 20);
  const userOpened = useRef(false);
  const [tooltipGone, setTooltipGone] = useState(false);
  const panelId = useId();
  const launcher = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const customerId = (options.overrideConfig?.vars as { customerId?: unknown } | undefined)?.customerId;
  const scope = persistScope ?? (typeof customerId === 'string' ? customerId : undefined);
  const scopeKey = scope ? `${scope}:${options.chatflowId}` : options.chatflowId;
  const persistKey = `flowise-kit:${scopeKey}`;
  const saving = persist && win?.clearChatOnReload !== true;
  const chat = useFlowisePrediction({ ...options, ...(saving ? { persistKey } : {}) });
  const { store } = chat;
  useEffect(() => {
    if (win?.clearChatOnReload) forget(persistKey);
  }, [win?.clearChatOnReload, persistKey]);
  useObservers(store, observers);
  const labels = useMemo(
    () => mergeLabels(mergeLabels(mergeLabels(defaultLabels, labelsProp), themeLabels(theme)), { placeholder }),
    [labelsProp, theme, placeholder],
  );
  const configOptions = {
    chatflowId: options.chatflowId,
    // The old connection's config was dropped by the store: ask the new one (the props are applied before this runs).
    reloadKey: options.apiHost + (options.apiKey ?? ''),
    store,
  };
  const config = useChatbotConfig(configOptions);
  // flowData is the whole flow: parse it once per config.
  const startForm = useMemo(() => startFormOf(config), [config]);
  const empty = useMessageIds(chat.store).length === 0;
  const prompts = useStarterPrompts({ ...configOptions, prompts: starterPrompts ?? win?.starterPrompts });
  const [lead, setLead] = useState(() => savedLead(scopeKey));
  const [thanks, setThanks] = useState<string>();
  const needLead = config?.leads?.status === true && !lead;
  const [accepted, setAccepted] = useState(() => typeof window !== 'undefined' && disclaimerAccepted());
  // The theme's, else the chatbot config's (Flowise's own chatbot page takes its theme from the chatbot config).
  const wanted = theme?.disclaimer ?? (config?.disclaimer as EmbedTheme['disclaimer'] | undefined);
  const disclaimer = wanted && !accepted ? wanted : undefined;
  const showFeedback = feedbackProp ?? config?.chatFeedback?.status === true;
  const heading = title ?? win?.title ?? labels.title;
  const welcome = welcomeMessage ?? win?.welcomeMessage;

  const close = useCallback(() => {
    setOpen(false);
    launcher.current?.focus();
  }, []);
  const openPanel = useCallback(() => {
    userOpened.current = true;
    setTooltipGone(true);
    setOpen(true);
  }, []);
  useImperativeHandle(controlRef, () => ({ clearChat: () => chat.reset(), open: openPanel, close }), [
    chat,
    openPanel,
    close,
  ]);
  useAutoOpen(theme?.button?.autoWindowOpen, fullPage, setOpen);
  const autoFocus = win?.textInput?.autoFocus !== false;
  useEffect(() => {
    // Only a reader who opened the panel gets the focus moved into it; auto-open leaves the page's focus alone.
    if (open && !fullPage && autoFocus && userOpened.current)
      panel.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }, [open, fullPage, autoFocus]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !fullPage) {
      event.stopPropagation();
      close();
    }
  };
  const observeInput = observers?.observeUserInput;
  const onInput = (event: FormEvent) => {
    const target = event.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement) observeInput?.(target.value);
  };
  const feedback = useCallback<FeedbackHandler>(
    // A failed rating leaves the thumbs as they were (an answer Flowise gave no id cannot be rated): no alert.
    (message, rating, content) => store.sendFeedback(message.id, rating, content).catch(() => undefined),
    [store],
  );
  const dateTime = win?.dateTimeToggle;
  const { details, questionTime } = useMessageDetails(showSources, showTrace, dateTime, showUsage);
  const welcomeBubble = <WelcomeBubble text={welcome} />;

  const rootClass = [
    'fk-widget',
    fullPage ? 'fk-widget--full' : 'fk-widget--floating',
    open ? 'fk-widget--open' : '',
    win?.botMessage?.showAvatar ? 'fk-widget--bot-avatar' : '',
    win?.userMessage?.showAvatar ? 'fk-widget--user-avatar' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const style = { ...themeToStyle(theme), '--fk-widget-right': `${right}px` };
  return (
    <FlowiseChatProvider store={store}>
      <LabelsProvider labels={labels}>
        <RenderHtmlContext.Provider value={win?.renderHTML === true}>
          <div className={rootClass} data-fk-theme={colorScheme} style={style}>
            {theme?.customCSS ? <style>{theme.customCSS}</style> : null}
            {open ? (
              <div
                ref={panel}
                id={panelId}
                className="fk-widget__panel"
                role={fullPage ? 'region' : 'dialog'}
                aria-label={heading}
                onKeyDown={onKeyDown}
                onInput={observeInput ? onInput : undefined}
              >
                {win?.showTitle === false ? null : (
                  <Header
                    title={heading}
                    theme={theme}
                    onClear={() => chat.reset()}
                    onClose={fullPage ? undefined : close}
                  />
                )}
                {disclaimer ? (
                  <Disclaimer disclaimer={disclaimer} onAccept={() => setAccepted(true)} onDeny={close} />
                ) : null}
                {needLead && config.leads ? (
                  <div className="fk-widget__stream fk-chat-stream__content">
                    {welcomeBubble}
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
                    {...(questionTime ? { renderQuestionDetails: questionTime } : {})}
                    leading={welcomeBubble}
                    emptyState={
                      startForm ? (
                        <StartForm form={startForm} onSubmit={(values) => void chat.send('', { form: values })} />
                      ) : (
                        <StarterPrompts thanks={thanks} prompts={prompts} onAsk={(prompt) => void chat.send(prompt)} />
                      )
                    }
                  />
                )}
                <Composer
                  dropZone={panel}
                  disabled={needLead || Boolean(disclaimer) || (Boolean(startForm) && empty)}
                  {...(win?.textInput?.maxChars ? { maxChars: win.textInput.maxChars } : {})}
                />
                <Footer footer={win?.footer} />
              </div>
            ) : null}
            {fullPage ? null : (
              <Launcher
                open={open}
                panelId={panelId}
                theme={theme}
                right={right}
                showTooltip={theme?.tooltip?.showTooltip === true && !tooltipGone}
                buttonRef={launcher}
                onToggle={() => (open ? close() : openPanel())}
                onMove={setRight}
              />
            )}
          </div>
        </RenderHtmlContext.Provider>
      </LabelsProvider>
    </FlowiseChatProvider>
  );
}
