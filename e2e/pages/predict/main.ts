// `for await` over predict() in a page, bundled by Vite as an app would bundle @flowise-kit/core.
import { predict, type FlowiseEvent } from '@flowise-kit/core';

interface Run {
  text: string;
  types: string[];
  status: string;
  chatId: string;
  error?: { kind: string; message: string };
}

async function runPredict(apiHost: string, chatflowId: string, stopAfterTokens = 0): Promise<Run> {
  const prediction = predict({ apiHost, chatflowId, question: 'Hi from a browser' });
  const events: FlowiseEvent[] = [];
  let error: Run['error'];
  try {
    let tokens = 0;
    for await (const event of prediction) {
      events.push(event);
      if (event.type === 'token' && ++tokens === stopAfterTokens) break;
    }
  } catch (cause) {
    const failure = cause as { kind: string; message: string };
    error = { kind: failure.kind, message: failure.message };
  }
  const text = events.flatMap((event) => (event.type === 'token' ? [event.data] : [])).join('');
  const run: Run = {
    text,
    types: events.map((event) => event.type),
    status: prediction.status,
    chatId: prediction.chatId,
  };
  if (error) run.error = error;
  return run;
}

(window as unknown as { runPredict: typeof runPredict }).runPredict = runPredict;
