/** The files an assistant "wrote" in the `file-annotations` scenario, served by `POST openai-assistants-file/download`. */

/** The `fileAnnotations` the scenario sends: one CSV and one PNG, as an OpenAI assistant's citations name them. */
export const FILE_ANNOTATIONS = [
  { filePath: 'assistant-files/report.csv', fileName: 'report.csv' },
  { filePath: 'assistant-files/chart.png', fileName: 'chart.png' },
];

/** The bytes of each file by name (the CSV's text is what a test reads back). */
export const ASSISTANT_FILES: Record<string, { type: string; content: Buffer }> = {
  'report.csv': { type: 'text/csv', content: Buffer.from('day,stones\nmonday,12\ntuesday,15\n') },
  'chart.png': {
    type: 'image/png',
    content: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  },
};

/** Flowise's answer to a download: the file with `Content-Disposition`, or its plain-text / JSON errors. */
export function assistantFileReply(body: unknown): {
  status: number;
  type: string;
  content: Buffer | string;
  name?: string;
} {
  const { chatflowId, chatId, fileName } = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  if (!chatflowId || !chatId || !fileName)
    return { status: 500, type: 'text/html; charset=utf-8', content: 'Invalid file path' };
  const file = ASSISTANT_FILES[String(fileName)];
  if (!file) {
    const message = `Error: getFileFromAssistant - ENOENT: no such file ${String(fileName)}`;
    return {
      status: 500,
      type: 'application/json; charset=utf-8',
      content: JSON.stringify({ statusCode: 500, success: false, message, stack: {} }),
    };
  }
  return { status: 200, type: file.type, content: file.content, name: String(fileName) };
}
