/** The strings of {@link ATTACHMENT_LABELS}; pass some of them to change the wording or the language. */
export interface AttachmentLabels {
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
  /** A remove button (the file's name). */
  remove: (name: string) => string;
  /** While files upload (how many). */
  uploading: (count: number) => string;
  /** While files go into the chatflow's vector store, for a RAG upload (how many). */
  upserting: (count: number) => string;
  /** Beside a file that will go into the chatflow's vector store (a RAG upload). */
  ragFile: string;
  /** While files are dragged over the chat. */
  dropHere: string;
  /** A file of a refused type (its name). */
  notAllowed: (name: string) => string;
  /** A file that could not be read (its name). */
  unreadable: (name: string) => string;
  /** The microphone button. */
  record: string;
  /** Ends the recording and sends it. */
  stopRecording: string;
  /** Drops the recording. */
  cancelRecording: string;
  /** The elapsed time while recording (seconds). */
  recording: (seconds: number) => string;
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
}

/** Every string the attachment and recording controls show, in one place (override through `labels` props). */
export const ATTACHMENT_LABELS: AttachmentLabels = {
  attach: 'Attach files',
  addImageUrl: 'Add an image by URL',
  imageUrl: 'Image URL',
  addUrl: 'Add',
  cancelUrl: 'Cancel',
  badUrl: 'Enter an http(s) address of an image.',
  attachments: 'Attachments',
  remove: (name: string) => `Remove ${name}`,
  uploading: (count: number) => `Uploading ${count === 1 ? 'a file' : `${count} files`}…`,
  upserting: (count: number) => `Adding ${count === 1 ? 'a file' : `${count} files`} to the knowledge base…`,
  ragFile: 'to knowledge base',
  dropHere: 'Drop files to attach them',
  notAllowed: (name: string) => `“${name}” cannot be sent: this chat takes no files of that kind.`,
  unreadable: (name: string) => `“${name}” could not be read.`,
  record: 'Record a question',
  stopRecording: 'Send recording',
  cancelRecording: 'Cancel recording',
  recording: (seconds: number) => `Recording ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`,
  micDenied: 'The microphone is blocked: allow it in the browser to ask by voice. You can still type.',
  micMissing: 'No microphone was found. You can still type.',
  micUnsupported: 'This browser cannot record audio. You can still type.',
  micFailed: 'The recording failed. You can still type.',
  speak: 'Read aloud',
  stopSpeaking: 'Stop reading',
  spoken: 'Recorded question',
};
