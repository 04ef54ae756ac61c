import type { Decorator, Preview } from '@storybook/react-vite';

/** Every story on the theme chosen in the toolbar, on the theme's own background. */
const withTheme: Decorator = (Story, context) => {
  const theme = (context.globals.theme as string | undefined) ?? 'light';
  return (
    <div
      data-fk-theme={theme}
      style={{
        background: 'var(--fk-bg)',
        color: 'var(--fk-text)',
        fontFamily: 'var(--fk-font)',
        padding: 16,
        minHeight: 200,
      }}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'flowise-kit theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark', 'auto'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: { layout: 'padded' },
  tags: ['autodocs'],
};
export default preview;
