/**
 * Run by another runtime (Bun) in predict-runtimes.test.ts: `for await` over predict() from the sources, against the
 * mock server at process.argv[2]; prints one JSON line.
 */
import { predict } from '../index.js';

const apiHost = process.argv[2]!;
const prediction = predict({ apiHost, chatflowId: 'sources', question: 'Hi from another runtime' });
let text = '';
const types = new Set<string>();
for await (const event of prediction) {
  types.add(event.type);
  if (event.type === 'token') text += event.data;
}
let errorKind = '';
try {
  for await (const _ of predict({ apiHost, chatflowId: 'http-404', question: 'x' }));
} catch (error) {
  errorKind = (error as { kind: string }).kind;
}
console.log(
  JSON.stringify({ bun: process.versions.bun, status: prediction.status, text, types: [...types], errorKind }),
);
