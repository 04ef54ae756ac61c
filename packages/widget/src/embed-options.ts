/**
 * Every flowise-embed option (`init`'s argument, theme keys included) and what this widget does with it: honoured
 * (how) or not (why). embed-options.test.ts reads flowise-embed's published type definitions and fails on a key
 * missing here; the README's option table is this list (the test checks it word for word). Not part of the bundle.
 */
export type Coverage = { honoured: string } | { not: string };

const OPTIONS: Record<string, Coverage> = {
  chatflowid: { honoured: 'the chatflow to talk to' },
  apiHost: { honoured: "the Flowise server (default: the page's origin)" },
  chatflowConfig: { honoured: 'sent as `overrideConfig` with every question' },
  onRequest: {
    honoured: "called with each request's options before it goes out; change `headers` (a plain object) to add one",
  },
  pageTitle: { honoured: "becomes the page's `document.title`" },
  id: { honoured: '`initFull` renders into the element with this id' },
  dialogContainer: {
    not: 'flowise-embed portals its trace dialog there; ours has no dialog: the steps unfold under each answer, inside the panel',
  },
  'observersConfig.observeUserInput': { honoured: 'called with the text field’s content on every keystroke' },
  'observersConfig.observeLoading': { honoured: '`true` from sending a question until its answer ends, then `false`' },
  'observersConfig.observeMessages': {
    honoured: 'the conversation whenever it changes, as `{ message, type, messageId, sourceDocuments, dateTime }`',
  },
  'theme.customCSS': { honoured: "a `<style>` after the widget's own, inside its shadow root" },
  'theme.button.backgroundColor': { honoured: 'the launcher, and the accent unless `sendButtonColor` is set' },
  'theme.button.iconColor': { honoured: "the launcher's icon" },
  'theme.button.customIconSrc': {
    honoured: 'an image in the launcher instead of the chat icon (http(s), data image or a path)',
  },
  'theme.button.right': { honoured: 'px from the right edge (launcher and panel)' },
  'theme.button.bottom': { honoured: 'px from the bottom edge' },
  'theme.button.size': { honoured: '`small` 48, `medium` 56, `large` 64 px, or a number of px' },
  'theme.button.dragAndDrop': { honoured: 'the launcher drags sideways along the bottom; the panel follows it' },
  'theme.button.autoWindowOpen.autoOpen': { honoured: 'opens the panel by itself (focus stays on the page)' },
  'theme.button.autoWindowOpen.openDelay': { honoured: 'seconds before it opens (default 2)' },
  'theme.button.autoWindowOpen.autoOpenOnMobile': {
    honoured: 'without it, no auto-open on a screen 640 px wide or less',
  },
  'theme.tooltip.showTooltip': {
    honoured: 'a bubble beside the closed launcher until the panel is opened (off by default, as in flowise-embed 3.1)',
  },
  'theme.tooltip.tooltipMessage': { honoured: 'its text (default: the `tooltip` label)' },
  'theme.tooltip.tooltipBackgroundColor': { honoured: 'its background' },
  'theme.tooltip.tooltipTextColor': { honoured: 'its text colour' },
  'theme.tooltip.tooltipFontSize': { honoured: 'its font size, px' },
  'theme.disclaimer.title': { honoured: "the pop-up's heading (also read from the chatbot config's `disclaimer`)" },
  'theme.disclaimer.message': { honoured: 'its text; line breaks make paragraphs' },
  'theme.disclaimer.buttonText': { honoured: 'the accept button; accepting is remembered on the site' },
  'theme.disclaimer.buttonColor': { honoured: "the accept button's colour" },
  'theme.disclaimer.buttonTextColor': { honoured: "the accept button's text colour" },
  'theme.disclaimer.denyButtonText': { honoured: 'a deny button, which closes the chat' },
  'theme.disclaimer.denyButtonBgColor': { honoured: "the deny button's background" },
  'theme.disclaimer.backgroundColor': { honoured: "the pop-up's background" },
  'theme.disclaimer.textColor': { honoured: "the pop-up's text colour" },
  'theme.disclaimer.blurredBackgroundColor': { honoured: 'the veil over the chat behind it' },
  'theme.form.backgroundColor': { honoured: "the lead form's background" },
  'theme.form.textColor': { honoured: "the lead form's text colour" },
  'theme.chatWindow.title': { honoured: "the header's title (default: the `title` label)" },
  'theme.chatWindow.showTitle': { honoured: '`false` hides the header' },
  'theme.chatWindow.titleAvatarSrc': { honoured: 'a round image before the title' },
  'theme.chatWindow.titleTextColor': { honoured: "the header's text and buttons" },
  'theme.chatWindow.titleBackgroundColor': { honoured: "the header's background" },
  'theme.chatWindow.welcomeMessage': {
    honoured: 'the first bubble (markdown); it stays there after the first question',
  },
  'theme.chatWindow.errorMessage': { honoured: "shown instead of a failed answer's error text" },
  'theme.chatWindow.backgroundColor': { honoured: "the panel's background" },
  'theme.chatWindow.backgroundImage': { honoured: "the panel's background image, covering it" },
  'theme.chatWindow.height': { honoured: 'a number is px, a string is CSS as given (`80dvh`); default 640 px' },
  'theme.chatWindow.width': { honoured: 'a number is px, a string is CSS as given; default 400 px' },
  'theme.chatWindow.fontSize': { honoured: 'the base font size, px' },
  'theme.chatWindow.starterPrompts': { honoured: "offered before the first question (else the chatflow's own)" },
  'theme.chatWindow.starterPromptFontSize': { honoured: "the starter prompts' font size, px" },
  'theme.chatWindow.clearChatOnReload': { honoured: 'nothing saved: every page load starts a new conversation' },
  'theme.chatWindow.dateTimeToggle.date': { honoured: 'the date under each question and answer' },
  'theme.chatWindow.dateTimeToggle.time': { honoured: 'the time under each question and answer' },
  'theme.chatWindow.renderHTML': {
    honoured: 'HTML in answers rendered through an allow-list of tags (no scripts, styles, handlers or unsafe URLs)',
  },
  'theme.chatWindow.headerHtml': {
    not: 'markup from the page in the header; use `title`, `titleAvatarSrc`, the colours and `customCSS`',
  },
  'theme.chatWindow.showAgentMessages': {
    honoured: '`false` hides the tool and agent steps under each answer (ours shows them collapsed by default)',
  },
  'theme.chatWindow.sourceDocsTitle': { honoured: "the sources' group name (the `sources` label)" },
  'theme.chatWindow.poweredByTextColor': { honoured: "the footer's text colour (`footer.textColor` wins)" },
  'theme.chatWindow.botMessage.backgroundColor': { honoured: "answers' bubbles" },
  'theme.chatWindow.botMessage.textColor': { honoured: "answers' text" },
  'theme.chatWindow.botMessage.showAvatar': { honoured: 'an avatar beside each answer' },
  'theme.chatWindow.botMessage.avatarSrc': { honoured: 'its image (default: a drawn robot)' },
  'theme.chatWindow.userMessage.backgroundColor': { honoured: "questions' bubbles" },
  'theme.chatWindow.userMessage.textColor': { honoured: "questions' text" },
  'theme.chatWindow.userMessage.showAvatar': { honoured: 'an avatar beside each question' },
  'theme.chatWindow.userMessage.avatarSrc': { honoured: 'its image (default: a drawn person)' },
  'theme.chatWindow.textInput.placeholder': { honoured: "the text field's placeholder" },
  'theme.chatWindow.textInput.backgroundColor': { honoured: "the text field's background" },
  'theme.chatWindow.textInput.textColor': { honoured: 'the typed text' },
  'theme.chatWindow.textInput.sendButtonColor': { honoured: 'the Send button (the accent)' },
  'theme.chatWindow.textInput.maxChars': { honoured: 'longer questions show a warning and cannot be sent' },
  'theme.chatWindow.textInput.maxCharsWarningMessage': {
    honoured: 'that warning (default: the `maxCharsWarning` label)',
  },
  'theme.chatWindow.textInput.autoFocus': { honoured: '`false`: opening the panel leaves the focus on the launcher' },
  'theme.chatWindow.textInput.enableInputHistory': {
    not: 'no input history yet: up and down move the caret in a multi-line question',
  },
  'theme.chatWindow.textInput.sendMessageSound': {
    not: 'no sounds: a page that starts playing audio surprises readers, and the files would have to sit beside web.js',
  },
  'theme.chatWindow.textInput.sendSoundLocation': { not: 'no sounds (see `sendMessageSound`)' },
  'theme.chatWindow.textInput.receiveMessageSound': { not: 'no sounds (see `sendMessageSound`)' },
  'theme.chatWindow.textInput.receiveSoundLocation': { not: 'no sounds (see `sendMessageSound`)' },
  'theme.chatWindow.feedback.color': { honoured: "the thumbs' colour" },
  'theme.chatWindow.footer.showFooter': { honoured: '`false` hides the footer' },
  'theme.chatWindow.footer.text': { honoured: 'the words before the company (default "Powered by")' },
  'theme.chatWindow.footer.company': { honoured: 'the company (default "flowise-kit")' },
  'theme.chatWindow.footer.companyLink': { honoured: "the company's link (http(s) only; opens in a new tab)" },
  'theme.chatWindow.footer.textColor': { honoured: "the footer's text colour" },
};

/** The coverage of every flowise-embed option this widget knows of, by key path. */
export const embedOptions: Readonly<Record<string, Coverage>> = OPTIONS;

/** The README's option table, as markdown, in flowise-embed's key order (sorted). */
export function optionTable(): string {
  const rows = Object.keys(OPTIONS)
    .sort()
    .map((key) => {
      const coverage = OPTIONS[key]!;
      return 'honoured' in coverage
        ? `| \`${key}\` | yes | ${coverage.honoured} |`
        : `| \`${key}\` | no | ${coverage.not} |`;
    });
  return ['| flowise-embed option | honoured | how, or why not |', '|---|---|---|', ...rows].join('\n');
}
