import { createFlowiseHandler } from '@flowise-kit/server';

// Every call the kit makes (prediction, abort, chatbot config, feedback ...) comes here and goes on to Flowise with
// the key, which never leaves the server. By default it talks to the mock Flowise server (`pnpm mock`, port 3000).
const handler = createFlowiseHandler({
  apiHost: process.env.FLOWISE_URL ?? 'http://127.0.0.1:3000',
  apiKey: process.env.FLOWISE_API_KEY,
  // The page says "support"; the real chatflow id stays on the server. Anything else is a 404.
  chatflows: { support: process.env.FLOWISE_CHATFLOW_ID ?? 'sources' },
  basePath: '/api/flowise',
});

export { handler as GET, handler as POST, handler as PUT };
