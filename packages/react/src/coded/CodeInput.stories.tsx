import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CodeInput, type CodeInputProps } from './CodeInput.js';
import { CODE_SYSTEMS } from './systems.js';
import type { CodeValue, Coding } from './types.js';

/** A labelled CodeInput holding its own value, showing what would be stored. */
function Field({
  label,
  initial,
  ...props
}: Omit<CodeInputProps, 'value' | 'onChange'> & { label: string; initial?: CodeValue }) {
  const [value, setValue] = useState<CodeValue | undefined>(initial);
  return (
    <div className="ck-field" style={{ maxWidth: 420 }}>
      <label className="ck-label" htmlFor="story-code">
        {label}
      </label>
      <CodeInput id="story-code" {...props} value={value} onChange={setValue} />
      <p className="ck-muted" data-testid="stored" style={{ marginBlockStart: 48 }}>
        Stored: {value === undefined ? 'nothing' : JSON.stringify(value)}
      </p>
    </div>
  );
}

const frame =
  (options: { theme?: 'dark'; width?: number } = {}) =>
  (Story: () => ReactNode) => (
    <div
      data-ck-theme={options.theme ?? 'light'}
      style={{
        maxWidth: options.width,
        minHeight: 320,
        padding: 16,
        background: 'var(--ck-color-bg)',
        color: 'var(--ck-color-text)',
        fontFamily: 'var(--ck-font-family)',
      }}
    >
      <Story />
    </div>
  );

const meta = {
  title: 'Coded/CodeInput',
  component: Field,
  args: { label: 'Substance', valueSet: 'allergy-substances' },
  decorators: [frame()],
} satisfies Meta<typeof Field>;

export default meta;
type Story = StoryObj<typeof meta>;

const rxnorm = (code: string, display: string): Coding => ({
  system: CODE_SYSTEMS.rxnorm,
  code,
  display,
});

/** Empty, before any interaction: the value set is not downloaded yet. */
export const Empty: Story = {};

/** Keyboard only: type, ArrowDown, Enter. The coding is stored with its system. */
export const KeyboardSelection: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('combobox', { name: 'Substance' });
    await userEvent.click(input);
    await userEvent.keyboard('pean');
    await canvas.findByRole('listbox', { name: 'Suggestions' });
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('option', { selected: true })).toHaveTextContent('Peanut');
    await userEvent.keyboard('{Enter}');
    await expect(input).toHaveValue('Peanut');
    await expect(canvas.getByTestId('stored')).toHaveTextContent(
      '"system":"http://snomed.info/sct","code":"762952008","display":"Peanut"',
    );
  },
};

/** The list open on a query (filled state). */
export const Suggestions: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox'));
    await userEvent.keyboard('nut{ArrowDown}{ArrowDown}');
    await canvas.findByRole('listbox');
  },
};

/** A stored coding shown in the input. */
export const Chosen: Story = {
  args: {
    label: 'Problem',
    valueSet: 'problems',
    initial: {
      system: CODE_SYSTEMS.icd10cm,
      code: 'I10',
      display: 'Essential (primary) hypertension',
    },
  },
};

/** Text that matches no code, kept as text and marked "not coded". */
export const FreeText: Story = {
  args: { allowFreeText: true, initial: 'Grandma’s pickles' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Text, not coded')).toBeVisible();
  },
};

/** Nothing matches and free text is not allowed. */
export const NoMatch: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox'));
    await userEvent.keyboard('xyzzy');
    await waitFor(() =>
      expect(canvas.getByText(/No code matches “xyzzy”/, { selector: 'div' })).toBeVisible(),
    );
  },
};

/** An app's terminology service that has not answered yet. */
export const Loading: Story = {
  args: {
    label: 'Medication',
    valueSet: undefined,
    searchCodes: () => new Promise<Coding[]>(() => {}),
    debounceMs: 0,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox'));
    await userEvent.keyboard('met');
    await waitFor(() => expect(canvas.getByText('Searching…', { selector: 'div' })).toBeVisible());
  },
};

/** An app's terminology service answering (slowly), with RxNorm codings. */
export const TerminologyService: Story = {
  args: {
    label: 'Medication',
    valueSet: undefined,
    searchCodes: async (text: string, signal: AbortSignal) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      signal.throwIfAborted();
      return [rxnorm('6809', 'metformin'), rxnorm('6918', 'metoprolol')].filter((c) =>
        c.display?.startsWith(text.toLowerCase()),
      );
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox'));
    await userEvent.keyboard('met');
    await canvas.findByRole('listbox');
    await expect(canvas.getAllByRole('option')).toHaveLength(2);
  },
};

/** The terminology service failed. */
export const SearchFailed: Story = {
  args: {
    label: 'Medication',
    valueSet: undefined,
    searchCodes: () => Promise.reject(new Error('terminology server down')),
    debounceMs: 0,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox'));
    await userEvent.keyboard('met');
    await waitFor(() =>
      expect(canvas.getByText(/Code search failed/, { selector: 'div' })).toBeVisible(),
    );
  },
};

export const Dark: Story = {
  decorators: [frame({ theme: 'dark' })],
  play: Suggestions.play,
};

export const Narrow: Story = {
  decorators: [frame({ width: 320 })],
  args: { label: 'Vaccine', valueSet: 'vaccines' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox'));
    await userEvent.keyboard('influenza{ArrowDown}');
    await canvas.findByRole('listbox');
  },
};
