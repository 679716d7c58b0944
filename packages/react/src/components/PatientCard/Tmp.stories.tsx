import type { Meta, StoryObj } from '@storybook/react-vite';
const meta = { title: 'Tmp', render: () => <input /> } satisfies Meta;
export default meta;
export const Broken: StoryObj<typeof meta> = {};
