import type { Preview } from '@storybook/react-vite';
import '../packages/react/src/styles.css';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    // Accessibility violations fail the story's test (addon-vitest), not only the panel.
    a11y: { test: 'error' },
  },
};

export default preview;
