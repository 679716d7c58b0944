// Browser benchmark entry: mounts PatientList over 10,000 cached patients, several times, and
// reports mount time and how many rows reach the DOM. Driven by scripts/bench-list.mjs.
import { QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PatientList } from '../src/patients/PatientList/PatientList.js';
import { ClinikProvider } from '../src/provider/ClinikProvider.js';
import { clinikQueries } from '../src/queries/clinikQueries.js';
import { makePatients } from '../src/test/fixtures.js';

const PATIENTS = 10_000;
const PAGE = 100;
const RUNS = 7;

function seededQueryClient() {
  const patients = makePatients(PATIENTS);
  const pages = Array.from({ length: PATIENTS / PAGE }, (_, i) => ({
    data: patients.slice(i * PAGE, (i + 1) * PAGE),
    total: PATIENTS,
    cursor: i < PATIENTS / PAGE - 1 ? `c${i + 1}` : null,
    hasMore: i < PATIENTS / PAGE - 1,
  }));
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Infinity, retry: false } },
  });
  queryClient.setQueryData(clinikQueries.patients.infinite({ count: PAGE }).queryKey, {
    pages,
    pageParams: [null, ...pages.slice(0, -1).map((p) => p.cursor)],
  });
  return queryClient;
}

const noNetwork: typeof fetch = () => Promise.reject(new Error('the benchmark makes no requests'));

async function run() {
  const queryClient = seededQueryClient();
  const mountTimes: number[] = [];
  let rows = 0;
  let rowsAfterScroll = 0;
  let firstRowAfterScroll = '';
  for (let i = 0; i < RUNS; i++) {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const started = performance.now();
    flushSync(() =>
      root.render(
        <ClinikProvider
          queryClient={queryClient}
          clientOptions={{ fetch: noNetwork }}
          timeZone="UTC"
          locale="en-US"
        >
          <PatientList pagination="infinite" pageSize={PAGE} height={600} />
        </ClinikProvider>,
      ),
    );
    // Wait for layout and the virtualizer's measured pass.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    mountTimes.push(performance.now() - started);
    rows = host.querySelectorAll('tbody tr[data-row-index]').length;
    if (i === RUNS - 1) {
      const viewport = host.querySelector<HTMLElement>('.ck-patient-list__viewport');
      if (viewport) viewport.scrollTop = viewport.scrollHeight / 2;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      const rendered = host.querySelectorAll('tbody tr[data-row-index]');
      rowsAfterScroll = rendered.length;
      firstRowAfterScroll = rendered[0]?.getAttribute('data-row-index') ?? '';
    }
    root.unmount();
    host.remove();
  }
  const sorted = [...mountTimes].sort((a, b) => a - b);
  return {
    patients: PATIENTS,
    runs: RUNS,
    firstMountMs: mountTimes[0],
    medianMountMs: sorted[Math.floor(sorted.length / 2)],
    domRows: rows,
    domRowsAfterScroll: rowsAfterScroll,
    firstRowAfterScroll,
  };
}

(window as unknown as { benchResult: Promise<unknown> }).benchResult = run();
