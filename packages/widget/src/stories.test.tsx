/** Every widget story is also a test: each is rendered and its play function runs. */
import { composeStories } from '@storybook/react';
import { describe, it } from 'vitest';
import * as panel from './ChatWidget.stories.js';

describe('widget stories', () => {
  it.each(Object.entries(composeStories(panel)))('%s', async (_name, Story) => {
    await Story.run();
  });
});
