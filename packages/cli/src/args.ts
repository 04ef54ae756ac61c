import { parseArgs } from 'node:util';

/** The usage text (`flowise-kit --help`). */
export const USAGE = `flowise-kit predict [options] <question...>   stream an answer
flowise-kit record  [options] --out FILE.http <question...>   save the response as a recording

options:
  --host URL          Flowise's address (or $FLOWISE_API_HOST)
  --chatflow ID       the chatflow or agentflow (or $FLOWISE_CHATFLOW_ID)
  --api-key KEY       for an API-key protected chatflow (or $FLOWISE_API_KEY; never printed)
  --chat-id ID        continue a conversation
  --upload FILE       send a file with the question (images, audio; other files as text); repeatable
  --no-stream         ask for a JSON answer (the same output)
  --json              one event per line, as JSON (for scripts and jq)
  --raw               the response's bytes as Flowise sent them (secrets redacted)
  --out FILE          record: where to write the .http recording
  -h, --help          this text

exit codes: 0 answered, 2 wrong command line, 3 network, 4 timeout, 5 auth, 6 forbidden, 7 not found,
8 too large, 9 rate limited, 10 server, 11 other HTTP, 12 not a prediction, 13 cut short, 14 the flow failed,
130 stopped (Ctrl-C)`;

/** A parsed command line. */
export interface Command {
  name: 'predict' | 'record' | 'help';
  host: string;
  chatflow: string;
  apiKey: string | undefined;
  chatId: string | undefined;
  uploads: string[];
  streaming: boolean;
  output: 'text' | 'json' | 'raw';
  out: string | undefined;
  question: string;
}

/** Parses `argv` (without node and the script) or throws an Error whose message says what is wrong. */
export function parseCommand(argv: readonly string[], env: Record<string, string | undefined>): Command {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      chatflow: { type: 'string' },
      'api-key': { type: 'string' },
      'chat-id': { type: 'string' },
      upload: { type: 'string', multiple: true },
      'no-stream': { type: 'boolean' },
      json: { type: 'boolean' },
      raw: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [name, ...words] = positionals;
  if (values.help || name === undefined || name === 'help') return { ...EMPTY, name: 'help' };
  if (name !== 'predict' && name !== 'record') throw new Error(`unknown command "${name}": use predict or record`);
  const host = values.host ?? env.FLOWISE_API_HOST;
  const chatflow = values.chatflow ?? env.FLOWISE_CHATFLOW_ID;
  if (!host) throw new Error('no Flowise address: give --host URL or set FLOWISE_API_HOST');
  if (!chatflow) throw new Error('no chatflow: give --chatflow ID or set FLOWISE_CHATFLOW_ID');
  if (values.json && values.raw) throw new Error('--json and --raw cannot be used together');
  if (name === 'record' && !values.out) throw new Error('record needs --out FILE.http');
  const question = words.join(' ');
  const uploads = values.upload ?? [];
  if (!question && uploads.length === 0) throw new Error('no question: put it after the options');
  return {
    name,
    host,
    chatflow,
    apiKey: values['api-key'] ?? env.FLOWISE_API_KEY,
    chatId: values['chat-id'] || undefined,
    uploads,
    streaming: !values['no-stream'],
    output: values.json ? 'json' : values.raw ? 'raw' : 'text',
    out: values.out,
    question,
  };
}

const EMPTY: Omit<Command, 'name'> = {
  host: '',
  chatflow: '',
  apiKey: undefined,
  chatId: undefined,
  uploads: [],
  streaming: true,
  output: 'text',
  out: undefined,
  question: '',
};
