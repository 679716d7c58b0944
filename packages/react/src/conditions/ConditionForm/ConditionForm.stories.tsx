import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { withChart } from '../../test/chartFake.js';
import { conditionStory, sampleProblems } from '../test/fixtures.js';
import { ConditionForm } from './ConditionForm.js';

const meta = {
  title: 'Chart/Problems/ConditionForm',
  component: ConditionForm,
  args: { patientId: 'pat-story', onSaved: fn() },
  decorators: [withChart(conditionStory(sampleProblems))],
} satisfies Meta<typeof ConditionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const loaded = async (canvasElement: HTMLElement, text: string) =>
  waitFor(() =>
    expect(within(canvasElement).getByRole('combobox', { name: 'Problem' })).toHaveValue(text),
  );

/** Keyboard only: an ICD-10-CM code from the problems value set. */
export const Create: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('combobox', { name: 'Problem' }));
    await userEvent.keyboard('gerd');
    await canvas.findByRole('option', { name: /K21\.9/ });
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await userEvent.selectOptions(canvas.getByLabelText('Verification'), 'confirmed');
    await userEvent.type(canvas.getByLabelText('Onset'), '2022');
    await userEvent.click(canvas.getByRole('button', { name: 'Save problem' }));
    await waitFor(() =>
      expect(args.onSaved).toHaveBeenCalledWith(
        expect.objectContaining({
          code: {
            system: 'http://hl7.org/fhir/sid/icd-10-cm',
            code: 'K21.9',
            display: 'Gastro-esophageal reflux disease without esophagitis',
          },
          category: 'problem-list-item',
        }),
      ),
    );
  },
};

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Abatement'), '2020');
    await userEvent.click(canvas.getByRole('button', { name: 'Save problem' }));
    await canvas.findByText('Problem is required');
    // Focus moves in an effect after the errors render (useResourceForm), so wait for it.
    await waitFor(() => expect(canvas.getByRole('combobox', { name: 'Problem' })).toHaveFocus());
    await expect(
      canvas.getByText(
        'An abatement can only be recorded when the problem is inactive, in remission or resolved',
      ),
    ).toBeVisible();
  },
};

export const Edit: Story = {
  args: { conditionId: 'cnd-4' },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement, 'Anemia');
    await expect(within(canvasElement).getByLabelText('Abatement')).toHaveValue('2021-06');
  },
};

/** Resolving a problem: status and abatement date in one save. */
export const Resolve: Story = {
  args: { conditionId: 'cnd-2' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement, 'Diabetes mellitus type 2');
    await userEvent.selectOptions(canvas.getByLabelText('Clinical status'), 'remission');
    await userEvent.type(canvas.getByLabelText('Abatement'), '2026-05');
    await userEvent.click(canvas.getByRole('button', { name: 'Save problem' }));
    await canvas.findByText('Problem saved.');
    await expect(args.onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ clinicalStatus: 'remission', abatementDateTime: '2026-05' }),
    );
  },
};

export const Loading: Story = {
  args: { conditionId: 'cnd-1' },
  decorators: [withChart(conditionStory(sampleProblems, { setup: (api) => void api.hold() }))],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading problem…')).toBeVisible();
  },
};

export const LoadFailed: Story = {
  args: { conditionId: 'cnd-1' },
  decorators: [withChart(conditionStory(sampleProblems, { setup: (api) => api.failNext(1, 503) }))],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Could not load the problem.');
  },
};

/** A colleague set the severity right after this form loaded: nothing is written. */
export const Conflict: Story = {
  args: { conditionId: 'cnd-1' },
  decorators: [
    withChart(
      conditionStory(sampleProblems, {
        setup: (api) => api.changeAfterFirstRead('conditions', 'cnd-1', { severity: 'mild' }),
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement, 'Essential (primary) hypertension');
    await userEvent.selectOptions(canvas.getByLabelText('Severity'), 'severe');
    await userEvent.click(canvas.getByRole('button', { name: 'Save problem' }));
    const list = await canvas.findByRole('region', { name: 'Changed by someone else too' });
    await expect(list).toHaveTextContent('Stored now: Mild');
    await expect(list).toHaveTextContent('Yours: Severe');
  },
};

export const SaveFailed: Story = {
  args: { conditionId: 'cnd-1' },
  decorators: [
    withChart(conditionStory(sampleProblems, { setup: (api) => api.failNextWrite(503) })),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement, 'Essential (primary) hypertension');
    await userEvent.selectOptions(canvas.getByLabelText('Severity'), 'severe');
    await userEvent.click(canvas.getByRole('button', { name: 'Save problem' }));
    await canvas.findByText('Could not save the problem. Your changes are kept; try again.');
    await expect(canvas.getByLabelText('Severity')).toHaveValue('severe');
  },
};

export const Dark: Story = {
  args: { conditionId: 'cnd-4' },
  decorators: [withChart(conditionStory(sampleProblems, { theme: 'dark' }))],
  play: Edit.play,
};

export const Narrow: Story = {
  args: { conditionId: 'cnd-4' },
  decorators: [withChart(conditionStory(sampleProblems, { width: 360 }))],
  play: Edit.play,
};
