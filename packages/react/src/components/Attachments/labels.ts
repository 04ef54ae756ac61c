/** Every string the attachment and recording controls show, in one place (override through `labels` props). */
export const ATTACHMENT_LABELS = {
  attach: 'Attach files',
  addImageUrl: 'Add an image by URL',
  imageUrl: 'Image URL',
  addUrl: 'Add',
  cancelUrl: 'Cancel',
  badUrl: 'Enter an http(s) address of an image.',
  attachments: 'Attachments',
  remove: (name: string) => `Remove ${name}`,
  uploading: (count: number) => `Uploading ${count === 1 ? 'a file' : `${count} files`}…`,
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

/** The strings of {@link ATTACHMENT_LABELS}; pass some of them to change the wording or the language. */
export type AttachmentLabels = typeof ATTACHMENT_LABELS;
