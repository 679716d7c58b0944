import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { makeSlots } from '../test/schedulingFixtures.js';
import {
  FALL_BACK_DAY,
  FALL_BACK_NOW,
  KOLKATA,
  KOLKATA_NOW,
  kolkataPractice,
  NEW_YORK,
  newYorkFallBackPractice,
} from '../test/schedulingScenario.js';
import { withScheduling } from '../test/storybook.js';
import { AppointmentAgenda } from './AppointmentAgenda.js';

const meta = {
  title: 'Appointments/AppointmentAgenda',
  component: AppointmentAgenda,
  args: { practitionerId: 'prac-rao', onSelectSlot: fn(), onSelectAppointment: fn() },
  decorators: [withScheduling({ seed: kolkataPractice, timeZone: KOLKATA, now: KOLKATA_NOW })],
} satisfies Meta<typeof AppointmentAgenda>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Week: Story = {};

export const Day: Story = {
  args: { defaultView: 'day' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Night shift follow-up').catch(() => undefined);
    const first = (await canvas.findAllByRole('option', { name: /Free/ }))[0];
    first?.focus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect(args.onSelectSlot).toHaveBeenCalled();
  },
};

/** America/New_York on its 25-hour fall-back day. */
export const FallBackDay: Story = {
  args: { timeZone: NEW_YORK, defaultDay: FALL_BACK_DAY, defaultView: 'day' },
  decorators: [
    withScheduling({ seed: newYorkFallBackPractice, timeZone: NEW_YORK, now: FALL_BACK_NOW }),
  ],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Clocks change today: a 25-hour day.');
  },
};

/** Five days of 15-minute slots (240 entries) in one week. */
export const BusyWeek: Story = {
  decorators: [
    withScheduling({
      timeZone: KOLKATA,
      now: KOLKATA_NOW,
      seed: () => ({
        ...kolkataPractice(),
        slots: ['2026-06-15', '2026-06-16', '2026-06-17', '2026-06-18', '2026-06-19'].flatMap(
          (day, i) =>
            makeSlots({
              scheduleId: 'sch-rao',
              day,
              timeZone: KOLKATA,
              from: '08:00',
              count: 48,
              minutes: 15,
              idPrefix: `b${i}`,
            }),
        ),
      }),
    }),
  ],
};
