import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { borderContrast, textContrast } from '../test/contrast.js';

/**
 * The library's controls inside a host page with ordinary global rules (a link/button colour, a
 * button background, element-level form styling), measured in the browser: text stays >= 4.5:1
 * on its background and control edges >= 3:1, in the light and dark themes.
 */
const HOST_PAGE = `
  a, button { color: #1d4ed8; }
  button { background: #1d4ed8; border: 0; }
  input, select, textarea { color: #111111; background: #ffffff; border: 1px solid #eeeeee; }
  th { background: #f5f5f5; color: #111111; }
  section, form, div { color: #111111; }
`;

function Controls({ theme }: { theme: 'light' | 'dark' }) {
  return (
    <div data-ck-theme={theme} data-testid="root">
      <style>{HOST_PAGE}</style>
      <form className="ck-appointment-form" aria-label="Controls">
        <button type="button" className="ck-button" data-measure="plain">
          Reschedule
        </button>
        <button type="button" className="ck-button ck-button--primary" data-measure="primary">
          Book appointment
        </button>
        <button type="button" className="ck-button ck-button--danger" data-measure="danger">
          Confirm cancellation
        </button>
        <button type="button" className="ck-slot" aria-pressed="false" data-measure="slot">
          10:00 AM
        </button>
        <button type="button" className="ck-slot" aria-pressed="true" data-measure="picked">
          10:30 AM
        </button>
        <label className="ck-label" htmlFor="host-reason">
          Reason
        </label>
        <input id="host-reason" className="ck-input" defaultValue="Cough" data-measure="input" />
        <div className="ck-form-alert" data-measure="alert">
          Please correct the highlighted fields.
        </div>
        <span className="ck-badge" data-status="cancelled" data-measure="badge">
          Cancelled
        </span>
      </form>
      <div className="ck-patient-list">
        <table className="ck-table">
          <thead>
            <tr>
              <th data-measure="th">Name</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>Ada Lovelace</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="ck-patient-card">
        <a href="#chart" data-measure="link">
          Open chart
        </a>
      </div>
    </div>
  );
}

const meta = {
  title: 'Styles/Host page rules',
  component: Controls,
  args: { theme: 'light' },
} satisfies Meta<typeof Controls>;

export default meta;
type Story = StoryObj<typeof meta>;

const measure = async (canvasElement: HTMLElement) => {
  const ratios: Record<string, number> = Object.fromEntries(
    [...canvasElement.querySelectorAll('[data-measure]')].map((el) => [
      el.getAttribute('data-measure') ?? '',
      textContrast(el),
    ]),
  );
  const low = Object.entries(ratios).filter(([, ratio]) => ratio < 4.5);
  await expect(low, JSON.stringify(ratios)).toEqual([]);
  const edges = ['plain', 'slot', 'input'].map((name) =>
    borderContrast(canvasElement.querySelector(`[data-measure="${name}"]`) as Element),
  );
  for (const ratio of edges) await expect(ratio).toBeGreaterThanOrEqual(3);
};

export const Light: Story = {
  play: async ({ canvasElement }) => measure(canvasElement),
};

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => measure(canvasElement),
};
