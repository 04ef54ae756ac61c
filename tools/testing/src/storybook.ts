import { resolve } from 'node:path';
import { REPO, build } from './repo.js';
import { serveDirectory, type ServedDirectory } from './static-server.js';

/** Builds Storybook into `storybook-static/` (see {@link build} for skipping it) and serves it on 127.0.0.1. */
export async function serveStorybook(): Promise<ServedDirectory> {
  const root = resolve(REPO, 'storybook-static');
  build(root, 'build-storybook');
  return serveDirectory(root);
}
