#!/usr/bin/env node
// The `flowise-kit` command. Ctrl-C (or SIGTERM) stops the prediction and asks Flowise to stop; a second one quits.
import { processIO, run } from './run.js';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    controller.abort();
    process.once(signal, () => process.exit(130));
  });
}
// A reader that left (`| head`): stop like Ctrl-C, so Flowise is asked to stop generating.
process.stdout.on('error', () => controller.abort());
process.exitCode = await run(process.argv.slice(2), processIO(controller.signal));
