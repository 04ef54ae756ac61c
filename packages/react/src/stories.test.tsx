/**
 * Every story is also a test: each is rendered and its play function (which asserts what a person would see)
 * runs. The Playground story runs against a real mock Flowise server.
 */
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { composeStories } from '@storybook/react';
import { afterAll, beforeAll, describe, it } from 'vitest';
import * as attachments from './components/Attachments/Attachments.stories.js';
import * as chatStream from './components/ChatStream/ChatStream.stories.js';
import * as chatWindow from './components/ChatWindow/ChatWindow.stories.js';
import * as fileAnnotations from './components/Artifacts/FileAnnotations.stories.js';
import * as composer from './components/Composer/Composer.stories.js';
import * as markdown from './components/Markdown/Markdown.stories.js';
import * as ragUploads from './components/Attachments/RagUploads.stories.js';
import * as sourceChips from './components/SourceChips/SourceChips.stories.js';
import * as sourceList from './components/SourceList/SourceList.stories.js';
import * as startForm from './components/StartForm/StartForm.stories.js';
import * as toolTrace from './components/ToolTrace/ToolTrace.stories.js';

let mock: MockFlowise;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, rate: 200, tokens: 20 });
});
afterAll(() => mock.close());

const files = {
  attachments: composeStories(attachments),
  chatStream: composeStories(chatStream),
  chatWindow: composeStories(chatWindow),
  composer: composeStories(composer),
  fileAnnotations: composeStories(fileAnnotations),
  markdown: composeStories(markdown),
  ragUploads: composeStories(ragUploads),
  sourceChips: composeStories(sourceChips),
  sourceList: composeStories(sourceList),
  startForm: composeStories(startForm),
  toolTrace: composeStories(toolTrace),
};

type Runnable = { run: (context?: unknown) => Promise<void> };

describe.each(Object.entries(files))('%s stories', (_name, stories) => {
  it.each(Object.entries(stories as Record<string, Runnable>))('%s', async (name, Story) => {
    if (name === 'Playground') {
      await Story.run({ args: { apiHost: mock.url, chatflowId: 'sources' } });
    } else {
      await Story.run();
    }
  });
});
