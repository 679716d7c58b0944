import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { withChart } from '../test/chartFake.js';
import { PatientSummary } from './PatientSummary.js';
import { SUMMARY_PATIENT, summaryChart } from './test/fixtures.js';

const meta = {
  title: 'Chart/PatientSummary',
  component: PatientSummary,
  args: {
    patientId: SUMMARY_PATIENT,
    hrefs: { problems: '#problems', allergies: '#allergies', vitals: '#vitals' },
  },
  decorators: [withChart({ seed: summaryChart })],
} satisfies Meta<typeof PatientSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = (canvas: ReturnType<typeof within>, name: string) =>
  canvas.getByRole('region', { name });

export const FullChart: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(region(canvas, 'Allergies')).toHaveTextContent(
        'Allergy to penicillin (high criticality)',
      ),
    );
    await waitFor(() =>
      expect(region(canvas, 'Active problems')).toHaveTextContent('Asthma (recurrence or relapse)'),
    );
    await waitFor(() => expect(region(canvas, 'Latest vitals')).toHaveTextContent('152/94'));
    await expect(region(canvas, 'Upcoming appointments')).toHaveTextContent(
      'Blood pressure review',
    );
  },
};

export const NoKnownAllergies: Story = {
  decorators: [
    withChart({
      seed: () => ({
        ...summaryChart(),
        allergies: [
          {
            id: 'alg-nka',
            createdAt: '2026-06-01T09:00:00.000Z',
            updatedAt: '2026-06-01T09:00:00.000Z',
            patientId: SUMMARY_PATIENT,
            code: {
              system: 'http://snomed.info/sct',
              code: '716186003',
              display: 'No known allergy',
            },
            clinicalStatus: 'active',
            verificationStatus: 'confirmed',
          },
        ],
      }),
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(region(canvas, 'Allergies')).toHaveTextContent('No known allergies (recorded).'),
    );
  },
};

export const EmptyChart: Story = {
  decorators: [withChart({ seed: () => ({ patients: summaryChart().patients ?? [] }) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(region(canvas, 'Allergies')).toHaveTextContent('Allergies not recorded.'),
    );
    await expect(region(canvas, 'Active medications')).toHaveTextContent('No active medications.');
  },
};

export const Loading: Story = {
  decorators: [withChart({ seed: summaryChart, setup: (api) => void api.hold() })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(region(canvas, 'Allergies')).toHaveTextContent('Loading…');
  },
};

export const SectionFailed: Story = {
  decorators: [withChart({ seed: summaryChart, setup: (api) => api.failNext(20, 503) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(region(canvas, 'Allergies')).toHaveTextContent(
        'Could not load this section. The service is unavailable right now',
      ),
    );
  },
};

export const SomeSections: Story = {
  args: { sections: ['allergies', 'medications'] },
};

export const DarkTheme: Story = {
  decorators: [withChart({ seed: summaryChart, theme: 'dark' })],
};

export const NarrowWidth: Story = {
  decorators: [withChart({ seed: summaryChart, width: 360 })],
};
