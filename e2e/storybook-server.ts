import { resolve } from 'node:path';
import { REPO, build, serveDirectory } from './static-server';

/** Builds Storybook (unless E2E_SKIP_BUILD is set and a build exists) and serves it on 127.0.0.1. */
export async function serveStorybook() {
  const root = resolve(REPO, 'storybook-static');
  build(root, 'build-storybook');
  return serveDirectory(root);
}
