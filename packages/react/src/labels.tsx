import { createContext, useContext, useMemo, type ReactNode } from 'react';

/**
 * Every string the kit's components and the widget show or announce, English by default. Override any subset with
 * `labels` on `ChatWindow` / `ChatWidget` (or a `labels` key in the script build's `init`), or wrap loose components
 * in a {@link LabelsProvider}. `{count}`, `{name}`, `{time}`, `{lang}`, `{max}` and `{seconds}` are replaced where noted.
 */
export interface Labels {
  // The composer
  /** The text field's placeholder. */
  placeholder: string;
  /** The text field's accessible name. */
  message: string;
  /** The Send button. */
  send: string;
  /** The Stop button, while an answer streams. */
  stop: string;
  /** The Stop button's accessible name. */
  stopAnswering: string;
  /** Shown when the question is longer than the limit (`{max}`: the limit). */
  maxCharsWarning: string;
  // Attachments, recording and reading aloud
  /** The attach button. */
  attach: string;
  /** The button that opens the image-URL field. */
  addImageUrl: string;
  /** The image-URL field. */
  imageUrl: string;
  /** Adds the URL. */
  addUrl: string;
  /** Closes the URL field. */
  cancelUrl: string;
  /** A URL that is not an http(s) address. */
  badUrl: string;
  /** The list of attachments. */
  attachments: string;
  /** A remove button (`{name}`: the file's name). */
  remove: string;
  /** While one file uploads. */
  uploadingFile: string;
  /** While files upload (`{count}`). */
  uploadingFiles: string;
  /** While one file goes into the chatflow's vector store (a RAG upload). */
  upsertingFile: string;
  /** While files go into the chatflow's vector store (`{count}`). */
  upsertingFiles: string;
  /** Beside a file that will go into the chatflow's vector store (a RAG upload). */
  ragFile: string;
  /** While files are dragged over the chat. */
  dropHere: string;
  /** A file of a refused type (`{name}`). */
  notAllowed: string;
  /** A file that could not be read (`{name}`). */
  unreadable: string;
  /** The microphone button. */
  record: string;
  /** Ends the recording and sends it. */
  stopRecording: string;
  /** Drops the recording. */
  cancelRecording: string;
  /** The elapsed time while recording (`{time}`: minutes and seconds, `0:07`). */
  recording: string;
  /** The microphone permission was refused. */
  micDenied: string;
  /** There is no microphone. */
  micMissing: string;
  /** The browser has no MediaRecorder. */
  micUnsupported: string;
  /** The recording failed. */
  micFailed: string;
  /** Read an answer aloud. */
  speak: string;
  /** Stop reading aloud. */
  stopSpeaking: string;
  /** The player of a recorded question. */
  spoken: string;
  // The conversation
  /** The conversation's accessible name. */
  conversation: string;
  /** Shown before the first question (ChatWindow). */
  emptyState: string;
  /** The button back to the newest message after scrolling up. */
  jumpToLatest: string;
  /** A question's accessible name. */
  question: string;
  /** An answer's accessible name. */
  answer: string;
  /** An answer sent, nothing received yet. */
  thinking: string;
  /** An answer the user stopped. */
  stopped: string;
  /** An answer another tab is fetching. */
  waitingInOtherTab: string;
  /** The collapsed reasoning, with its duration (`{seconds}`). */
  reasonedFor: string;
  /** The collapsed reasoning, without a duration. */
  reasoning: string;
  /** Copy an answer: the button. */
  copy: string;
  /** Copy an answer: the button's accessible name. */
  copyAnswer: string;
  /** After copying. */
  copied: string;
  /** Copying failed. */
  copyFailed: string;
  /** A code block's copy button's accessible name (`{lang}`: its language and a space, or nothing). */
  copyCode: string;
  /** Ask a failed or stopped answer again. */
  retry: string;
  /** Ask a finished answer again. */
  regenerate: string;
  /** The follow-up prompts' group. */
  followUpQuestions: string;
  /** Replaces every failed answer's error text when set (flowise-embed's `errorMessage`). */
  errorMessage: string;
  // Feedback
  /** Thumbs up. */
  goodAnswer: string;
  /** Thumbs down. */
  badAnswer: string;
  /** The comment form's accessible name. */
  feedbackComment: string;
  /** The comment field. */
  feedbackPlaceholder: string;
  /** Send the comment. */
  feedbackSend: string;
  /** Skip the comment. */
  feedbackSkip: string;
  // Human input
  /** The approve / reject group. */
  approveOrReject: string;
  /** The feedback field beside approve / reject. */
  humanFeedback: string;
  /** Approve, when the flow names none. */
  proceed: string;
  /** Reject, when the flow names none. */
  reject: string;
  // Sources, artifacts
  /** The sources' heading and group name. */
  sources: string;
  /** The number of sources (`{count}`). */
  sourceCount: string;
  /** Expands a source's excerpt. */
  showFullText: string;
  /** An image artifact's alternative text. */
  artifactImage: string;
  /** An HTML artifact's frame title. */
  artifactHtml: string;
  // Tool and agent trace
  /** The trace's accessible name. */
  trace: string;
  /** The tools' heading. */
  tools: string;
  /** The agents' heading. */
  agents: string;
  /** The flow's heading. */
  flow: string;
  /** A tool's input. */
  input: string;
  /** A tool's output. */
  output: string;
  /** A tool's error. */
  error: string;
  /** A finished tool call. */
  toolDone: string;
  /** A running tool call. */
  toolRunning: string;
  /** A failed tool call. */
  toolFailed: string;
  /** The characters left out of a long payload (`{count}`). */
  moreCharacters: string;
  /** The flow view switch's group. */
  showFlowAs: string;
  /** The timeline view. */
  timeline: string;
  /** The graph view. */
  graph: string;
  /** The graph's accessible name. */
  flowGraph: string;
  /** One step under an answer (the widget). */
  oneStep: string;
  /** Several steps under an answer (`{count}`). */
  steps: string;
  // The widget
  /** The header's title when none is given. */
  title: string;
  /** The launcher, closed. */
  openChat: string;
  /** The launcher and the header's close button, open. */
  closeChat: string;
  /** The header's clear button. */
  clear: string;
  /** The clear button's accessible name. */
  clearConversation: string;
  /** The starter prompts' group. */
  suggestedQuestions: string;
  /** The launcher's tooltip. */
  tooltip: string;
  /** The footer's text before the company. */
  footerText: string;
  /** The footer's company. */
  footerCompany: string;
  /** The disclaimer's heading. */
  disclaimerTitle: string;
  /** The disclaimer's accept button. */
  disclaimerAccept: string;
  /** The lead form's accessible name. */
  leadForm: string;
  /** The lead form's heading when the chatbot config gives none. */
  leadTitle: string;
  /** The lead form's name field. */
  leadName: string;
  /** The lead form's e-mail field. */
  leadEmail: string;
  /** The lead form's phone field. */
  leadPhone: string;
  /** The lead form's button. */
  leadSubmit: string;
  /** The lead form's button while sending. */
  leadSending: string;
  /** A refused e-mail address. */
  leadInvalidEmail: string;
  /** An empty field. */
  leadMissing: string;
  // An agentflow's start form, files and token use
  /** A start form's accessible name when the flow gives it no title. */
  startForm: string;
  /** The start form's submit button. */
  startFormSubmit: string;
  /** A start form with an empty field. */
  startFormMissing: string;
  /** A yes/no value the start form sent, in the question's bubble. */
  yes: string;
  /** See `yes`. */
  no: string;
  /** The group of an answer's files (`fileAnnotations`). */
  files: string;
  /** A file's download button (`{name}`: the file's name). */
  downloadFile: string;
  /** A failed download (`{name}`, `{reason}`). */
  downloadFailed: string;
  /** An answer's token use (`{total}`, `{input}`, `{output}`). */
  usage: string;
  /** Added to `usage` when the answer took more than one model call (`{count}`). */
  usageCalls: string;
}

/** The English defaults of every {@link Labels} entry. */
export const defaultLabels: Labels = {
  placeholder: 'Ask a question…',
  message: 'Message',
  send: 'Send',
  stop: 'Stop',
  stopAnswering: 'Stop answering',
  maxCharsWarning: 'That is too long: at most {max} characters.',
  attach: 'Attach files',
  addImageUrl: 'Add an image by URL',
  imageUrl: 'Image URL',
  addUrl: 'Add',
  cancelUrl: 'Cancel',
  badUrl: 'Enter an http(s) address of an image.',
  attachments: 'Attachments',
  remove: 'Remove {name}',
  uploadingFile: 'Uploading a file…',
  uploadingFiles: 'Uploading {count} files…',
  upsertingFile: 'Adding a file to the knowledge base…',
  upsertingFiles: 'Adding {count} files to the knowledge base…',
  ragFile: 'to knowledge base',
  dropHere: 'Drop files to attach them',
  notAllowed: '“{name}” cannot be sent: this chat takes no files of that kind.',
  unreadable: '“{name}” could not be read.',
  record: 'Record a question',
  stopRecording: 'Send recording',
  cancelRecording: 'Cancel recording',
  recording: 'Recording {time}',
  micDenied: 'The microphone is blocked: allow it in the browser to ask by voice. You can still type.',
  micMissing: 'No microphone was found. You can still type.',
  micUnsupported: 'This browser cannot record audio. You can still type.',
  micFailed: 'The recording failed. You can still type.',
  speak: 'Read aloud',
  stopSpeaking: 'Stop reading',
  spoken: 'Recorded question',
  conversation: 'Conversation',
  emptyState: 'Ask anything to start.',
  jumpToLatest: 'Jump to latest ↓',
  question: 'Question',
  answer: 'Answer',
  thinking: 'Thinking…',
  stopped: 'Stopped',
  waitingInOtherTab: 'Waiting for the answer in another tab…',
  reasonedFor: 'Reasoned for {seconds} s',
  reasoning: 'Reasoning',
  copy: 'Copy',
  copyAnswer: 'Copy answer',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  copyCode: 'Copy {lang}code',
  retry: 'Retry',
  regenerate: 'Regenerate',
  followUpQuestions: 'Follow-up questions',
  errorMessage: '',
  goodAnswer: 'Good answer',
  badAnswer: 'Bad answer',
  feedbackComment: 'Feedback comment',
  feedbackPlaceholder: 'Tell us more (optional)',
  feedbackSend: 'Send',
  feedbackSkip: 'Skip',
  approveOrReject: 'Approve or reject',
  humanFeedback: 'Feedback (optional)',
  proceed: 'Proceed',
  reject: 'Reject',
  sources: 'Sources',
  sourceCount: '{count} sources',
  showFullText: 'Show full text',
  artifactImage: 'An image the flow produced',
  artifactHtml: 'HTML the flow produced',
  trace: 'Tool and agent trace',
  tools: 'Tools',
  agents: 'Agents',
  flow: 'Flow',
  input: 'Input',
  output: 'Output',
  error: 'Error',
  toolDone: 'done',
  toolRunning: 'running…',
  toolFailed: 'failed',
  moreCharacters: '… {count} more characters',
  showFlowAs: 'Show the flow as',
  timeline: 'Timeline',
  graph: 'Graph',
  flowGraph: 'Flow graph',
  oneStep: '1 step',
  steps: '{count} steps',
  title: 'Chat',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  clear: 'Clear',
  clearConversation: 'Clear conversation',
  suggestedQuestions: 'Suggested questions',
  tooltip: 'Hi there! Questions? Ask me.',
  footerText: 'Powered by',
  footerCompany: 'flowise-kit',
  disclaimerTitle: 'Disclaimer',
  disclaimerAccept: 'Start chatting',
  leadForm: 'Your details',
  leadTitle: 'Let us know how to reach you',
  leadName: 'Name',
  leadEmail: 'E-mail',
  leadPhone: 'Phone',
  leadSubmit: 'Start chatting',
  leadSending: 'Sending…',
  leadInvalidEmail: 'Please enter a valid e-mail address.',
  leadMissing: 'Please fill in every field.',
  startForm: 'Start form',
  startFormSubmit: 'Start',
  startFormMissing: 'Please fill in every field.',
  yes: 'Yes',
  no: 'No',
  files: 'Files',
  downloadFile: 'Download {name}',
  downloadFailed: '{name} could not be downloaded: {reason}',
  usage: '{total} tokens ({input} in, {output} out)',
  usageCalls: ' · {count} model calls',
};

const LabelsContext = createContext<Labels>(defaultLabels);

/** Props of {@link LabelsProvider}. */
export interface LabelsProviderProps {
  /** The entries to replace; the rest stay as the enclosing provider's (or English). */
  labels?: Partial<Labels> | undefined;
  /** The components that get these labels. */
  children?: ReactNode;
}

/**
 * Gives the components inside it their labels: `labels` over the enclosing provider's, over English.
 *
 * @example
 * <LabelsProvider labels={{ send: 'Senden', placeholder: 'Ihre Frage…' }}><Composer /></LabelsProvider>
 */
export function LabelsProvider({ labels, children }: LabelsProviderProps) {
  const outer = useContext(LabelsContext);
  const merged = useMemo(() => mergeLabels(outer, labels), [outer, labels]);
  return <LabelsContext.Provider value={merged}>{children}</LabelsContext.Provider>;
}

/** The labels in effect here (English unless a {@link LabelsProvider} above says otherwise). */
export function useLabels(): Labels {
  return useContext(LabelsContext);
}

/** `base` with the defined string entries of `labels` over it (an `undefined` entry keeps the base's). */
export function mergeLabels(base: Labels, labels: Partial<Labels> | undefined): Labels {
  if (!labels) return base;
  const merged = { ...base };
  for (const key of Object.keys(labels) as (keyof Labels)[]) {
    const value = labels[key];
    if (typeof value === 'string') merged[key] = value;
  }
  return merged;
}

/** A label with its `{name}` placeholders filled in. */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
