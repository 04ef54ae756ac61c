#!/usr/bin/env node
// The `flowise-kit` command. Ctrl-C stops the prediction (and asks Flowise to stop); a second Ctrl-C quits at once.
import { processIO, run } from './run.js';

const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});
process.exitCode = await run(process.argv.slice(2), processIO(controller.signal));
