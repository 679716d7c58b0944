import { AppointmentAgenda, usePractitioners } from '@clinikapi/react';
import { useId, useState } from 'react';
import { PRACTICE_TIME_ZONE } from '../App.js';
import { usePage } from '../page.js';

export function SchedulePage() {
  const practitioners = usePractitioners({ count: 100 });
  const [chosen, setChosen] = useState<string>('');
  const selectId = useId();
  const heading = usePage('Schedule');
  const list = practitioners.data?.data ?? [];
  const practitionerId = chosen || list[0]?.id || '';
  return (
    <section className="demo-page" aria-labelledby="schedule-title">
      <h1 id="schedule-title" ref={heading} tabIndex={-1}>
        Schedule
      </h1>
      <label htmlFor={selectId}>Practitioner</label>{' '}
      <select id={selectId} value={practitionerId} onChange={(e) => setChosen(e.target.value)}>
        {list.map((p) => (
          <option key={p.id} value={p.id}>
            {p.fullName}
            {p.specialty ? ` · ${p.specialty}` : ''}
          </option>
        ))}
      </select>
      {practitionerId && (
        <AppointmentAgenda practitionerId={practitionerId} timeZone={PRACTICE_TIME_ZONE} />
      )}
    </section>
  );
}
