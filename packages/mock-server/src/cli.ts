#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { scenarioNames } from './scenarios.js';
import { startMockFlowise } from './server.js';

const USAGE = `mock-flowise [--port 3000] [--host 127.0.0.1] [--scenario plain] [--rate 50] [--tokens 60] [--api-key KEY] [--fixtures DIR]`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
    scenario: { type: 'string', default: 'plain' },
    rate: { type: 'string', default: '50' },
    tokens: { type: 'string' },
    'api-key': { type: 'string' },
    fixtures: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const server = await startMockFlowise({
  port: Number(values.port),
  host: values.host,
  scenario: values.scenario,
  // A person watching wants to see tokens arrive: 50 tokens/s by default here, "as fast as possible" in tests.
  rate: Number(values.rate),
  ...(values.tokens ? { tokens: Number(values.tokens) } : {}),
  ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
  ...(values.fixtures ? { fixturesDir: values.fixtures } : {}),
});

console.log(`Mock Flowise listening on ${server.url}  (default scenario: ${values.scenario}, ${values.rate} tokens/s)`);
console.log(
  `POST ${server.url}/api/v1/prediction/<scenario>   scenarios: ${scenarioNames.join(', ')}, fixture-<recording>`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
