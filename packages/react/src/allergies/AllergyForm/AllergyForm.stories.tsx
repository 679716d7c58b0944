import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { withChart } from '../../test/chartFake.js';
import { allergyStory, noKnownAllergyStatement, sampleAllergies } from '../test/fixtures.js';
import { AllergyForm } from './AllergyForm.js';

const meta = {
  title: 'Chart/Allergies/AllergyForm',
  component: AllergyForm,
  args: { patientId: 'pat-story', onSaved: fn() },
  decorators: [withChart(allergyStory(sampleAllergies))],
} satisfies Meta<typeof AllergyForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Keyboard only: a coded substance, verification, a coded reaction. */
export const Create: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox', { name: 'Substance' }));
    await userEvent.keyboard('amoxi');
    await canvas.findByRole('option', { name: /Amoxicillin/ });
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await userEvent.selectOptions(canvas.getByLabelText('Verification'), 'confirmed');
    await userEvent.click(canvas.getByRole('button', { name: 'Add reaction' }));
    await userEvent.click(canvas.getByRole('combobox', { name: 'Manifestation' }));
    await userEvent.keyboard('rash');
    await canvas.findByRole('option', { name: /Eruption of skin/ });
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await userEvent.click(canvas.getByRole('button', { name: 'Save allergy' }));
    await waitFor(() =>
      expect(args.onSaved).toHaveBeenCalledWith(
        expect.objectContaining({
          code: {
            system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
            code: '723',
            display: 'Amoxicillin',
          },
        }),
      ),
    );
  },
};

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Onset'), '2019-13');
    await userEvent.click(canvas.getByRole('button', { name: 'Add reaction' }));
    await userEvent.selectOptions(canvas.getByLabelText('Severity'), 'mild');
    await userEvent.click(canvas.getByRole('button', { name: 'Save allergy' }));
    await canvas.findByText('Substance is required');
    // Focus moves in an effect after the errors render (useResourceForm), so wait for it.
    await waitFor(() => expect(canvas.getByRole('combobox', { name: 'Substance' })).toHaveFocus());
    await expect(canvas.getByText('Reaction 1 needs a manifestation')).toBeVisible();
  },
};

export const Edit: Story = {
  args: { allergyId: 'alg-1' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'Substance' })).toHaveValue('Penicillin G'),
    );
  },
};

export const Loading: Story = {
  args: { allergyId: 'alg-1' },
  decorators: [withChart(allergyStory(sampleAllergies, { setup: (api) => void api.hold() }))],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading allergy…')).toBeVisible();
  },
};

export const LoadFailed: Story = {
  args: { allergyId: 'alg-1' },
  decorators: [withChart(allergyStory(sampleAllergies, { setup: (api) => api.failNext(1, 503) }))],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Could not load the allergy.');
  },
};

/** A colleague raised the criticality right after this form loaded: nothing is written. */
export const Conflict: Story = {
  args: { allergyId: 'alg-2' },
  decorators: [
    withChart(
      allergyStory(sampleAllergies, {
        setup: (api) => api.changeAfterFirstRead('allergies', 'alg-2', { criticality: 'high' }),
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'Substance' })).toHaveValue('Peanut'),
    );
    await userEvent.selectOptions(canvas.getByLabelText('Criticality'), 'unable-to-assess');
    await userEvent.click(canvas.getByRole('button', { name: 'Save allergy' }));
    const list = await canvas.findByRole('region', { name: 'Changed by someone else too' });
    await expect(list).toHaveTextContent('Stored now: High');
    await expect(list).toHaveTextContent('Yours: Unable to assess');
  },
};

/** The write fails: the typed change stays and the form says so. */
export const SaveFailed: Story = {
  args: { allergyId: 'alg-2' },
  decorators: [
    withChart(allergyStory(sampleAllergies, { setup: (api) => api.failNextWrite(503) })),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'Substance' })).toHaveValue('Peanut'),
    );
    await userEvent.selectOptions(canvas.getByLabelText('Clinical status'), 'resolved');
    await userEvent.click(canvas.getByRole('button', { name: 'Save allergy' }));
    await canvas.findByText('Could not save the allergy. Your changes are kept; try again.');
    await expect(canvas.getByLabelText('Clinical status')).toHaveValue('resolved');
  },
};

/** Recording an allergy while "No known allergies" is on file says it will retire it. */
export const ReplacesNoKnownAllergies: Story = {
  decorators: [withChart(allergyStory(() => [noKnownAllergyStatement()]))],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(
      '“No known allergies” is on file for this patient; saving this allergy marks it inactive.',
    );
  },
};

export const Dark: Story = {
  args: { allergyId: 'alg-1' },
  decorators: [withChart(allergyStory(sampleAllergies, { theme: 'dark' }))],
  play: Edit.play,
};

export const Narrow: Story = {
  args: { allergyId: 'alg-1' },
  decorators: [withChart(allergyStory(sampleAllergies, { width: 360 }))],
  play: Edit.play,
};
