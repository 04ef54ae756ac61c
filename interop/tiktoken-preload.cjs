/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for Flowise (node --require) */
// Preloaded into Flowise (NODE_OPTIONS=--require): LangChain fetches tokenizer ranks from tiktoken.pages.dev on every
// run and retries for about a minute offline. Answer those URLs from js-tiktoken's own copy; pass the rest through.
const path = require('node:path');
const realFetch = globalThis.fetch;
globalThis.fetch = async function fetchWithLocalRanks(input, init) {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const match = /^https:\/\/tiktoken\.pages\.dev\/js\/([a-z0-9_]+)\.json$/.exec(url);
  if (match) {
    const ranksDir = path.join(
      process.env.FLOWISE_KIT_FLOWISE_DIR || process.cwd(),
      'node_modules',
      'js-tiktoken',
      'dist',
      'ranks',
    );
    const ranks = require(path.join(ranksDir, `${match[1]}.cjs`));
    return new Response(JSON.stringify(ranks.default ?? ranks), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  }
  return realFetch(input, init);
};
