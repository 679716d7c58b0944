import {
  AllergyForm,
  AllergyList,
  ConditionForm,
  ConditionList,
  ImmunizationForm,
  ImmunizationList,
  MedicationList,
  PatientSummary,
  PrescriptionForm,
  usePatient,
  VitalEditForm,
  VitalsForm,
  VitalsList,
  VitalsTrend,
} from '@clinikapi/react';
import { type ReactNode, useState } from 'react';
import { PRACTICE_TIME_ZONE } from '../App.js';
import { useConfirmation } from '../confirmation.js';
import { usePage } from '../page.js';
import { Link } from '../router.js';

/** Which record a section's form edits: none (closed), a new one, or an id. */
type Editing = { open: false } | { open: true; id: string | undefined };

function ChartSection({
  id,
  title,
  canEdit,
  addLabel,
  savedMessage,
  editing,
  setEditing,
  list,
  form,
}: {
  id: string;
  title: string;
  canEdit: boolean;
  addLabel: string;
  /** Said and shown when the form closes on success (focus goes there). */
  savedMessage: string;
  editing: Editing;
  setEditing: (editing: Editing) => void;
  list: ReactNode;
  form: (recordId: string | undefined, done: () => void) => ReactNode;
}) {
  const confirmation = useConfirmation();
  const close = () => setEditing({ open: false });
  const saved = () => {
    close();
    confirmation.confirm(savedMessage);
  };
  return (
    // Not a landmark of its own (no accessible name): the library's list inside is the region
    // with this name, and two regions of one name are ambiguous (axe landmark-unique).
    <section id={id} className="demo-chart-section">
      <div className="demo-chart-section__header">
        <h2 id={`${id}-title`}>{title}</h2>
        {canEdit && (
          <button
            type="button"
            className="ck-button"
            aria-expanded={editing.open}
            onClick={() => {
              confirmation.clear();
              if (editing.open) close();
              else setEditing({ open: true, id: undefined });
            }}
          >
            {editing.open ? 'Close' : addLabel}
          </button>
        )}
      </div>
      <p {...confirmation.props} />
      {canEdit && editing.open && form(editing.id, saved)}
      {list}
    </section>
  );
}

/**
 * The patient chart built from the library's widgets: the summary at the top, then each
 * domain's list with its form (front desk only; the demo's practitioner role is read-only).
 */
export function ChartPage({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const patient = usePatient(patientId);
  const [problems, setProblems] = useState<Editing>({ open: false });
  const [allergies, setAllergies] = useState<Editing>({ open: false });
  const [medications, setMedications] = useState<Editing>({ open: false });
  const [vitals, setVitals] = useState<Editing>({ open: false });
  const [immunizations, setImmunizations] = useState<Editing>({ open: false });
  const zone = { timeZone: PRACTICE_TIME_ZONE };
  const heading = usePage(patient.isError ? 'Patient not found' : 'Chart', {
    said: patient.isError ? 'Patient not found' : `Chart: ${patient.data?.fullName ?? ''}`,
    ready: patient.isError || patient.data !== undefined,
  });

  if (patient.isError) {
    return (
      <section className="demo-page" aria-labelledby="chart-missing">
        <h1 id="chart-missing" ref={heading} tabIndex={-1}>
          Patient not found
        </h1>
        <p>
          This record does not exist or is not yours to see.{' '}
          <Link to="/patients">Back to patients</Link>
        </p>
      </section>
    );
  }
  const name = patient.data?.fullName ?? 'Patient';
  return (
    <section className="demo-page demo-chart" aria-labelledby="chart-title">
      <p>
        <Link to={`/patients/${encodeURIComponent(patientId)}`}>← {name}</Link>
      </p>
      <h1 id="chart-title" ref={heading} tabIndex={-1}>
        Chart: {name}
      </h1>
      <PatientSummary
        patientId={patientId}
        headingLevel={2}
        hrefs={{
          problems: '#problems',
          allergies: '#allergies',
          medications: '#medications',
          vitals: '#vitals',
          immunizations: '#immunizations',
        }}
      />
      <ChartSection
        id="problems"
        title="Problem list"
        canEdit={canEdit}
        addLabel="Add a problem"
        savedMessage="Problem saved."
        editing={problems}
        setEditing={setProblems}
        list={
          <ConditionList
            patientId={patientId}
            headingLevel={3}
            onSelect={canEdit ? (c) => setProblems({ open: true, id: c.id }) : undefined}
          />
        }
        form={(id, done) => <ConditionForm patientId={patientId} conditionId={id} onSaved={done} />}
      />
      <ChartSection
        id="allergies"
        title="Allergies"
        canEdit={canEdit}
        addLabel="Add an allergy"
        savedMessage="Allergy saved."
        editing={allergies}
        setEditing={setAllergies}
        list={
          <AllergyList
            patientId={patientId}
            headingLevel={3}
            canRecordNoKnownAllergies={canEdit}
            onSelect={canEdit ? (a) => setAllergies({ open: true, id: a.id }) : undefined}
          />
        }
        form={(id, done) => <AllergyForm patientId={patientId} allergyId={id} onSaved={done} />}
      />
      <ChartSection
        id="medications"
        title="Medications"
        canEdit={canEdit}
        addLabel="Prescribe"
        savedMessage="Prescription saved."
        editing={medications}
        setEditing={setMedications}
        list={
          <MedicationList
            patientId={patientId}
            {...zone}
            statusActions={canEdit}
            onEdit={canEdit ? (p) => setMedications({ open: true, id: p.id }) : undefined}
          />
        }
        form={(id, done) => (
          <PrescriptionForm patientId={patientId} prescriptionId={id} {...zone} onSaved={done} />
        )}
      />
      <ChartSection
        id="vitals"
        title="Vital signs"
        canEdit={canEdit}
        addLabel="Record vitals"
        savedMessage="Vital signs saved."
        editing={vitals}
        setEditing={setVitals}
        list={
          <>
            <VitalsTrend patientId={patientId} {...zone} headingLevel={3} />
            <VitalsList
              patientId={patientId}
              {...zone}
              headingLevel={3}
              onEdit={canEdit ? (r) => setVitals({ open: true, id: r.id }) : undefined}
            />
          </>
        }
        form={(id, done) =>
          id ? (
            <VitalEditForm patientId={patientId} observationId={id} {...zone} onSaved={done} />
          ) : (
            <VitalsForm patientId={patientId} {...zone} />
          )
        }
      />
      <ChartSection
        id="immunizations"
        title="Immunizations"
        canEdit={canEdit}
        addLabel="Record an immunization"
        savedMessage="Immunization saved."
        editing={immunizations}
        setEditing={setImmunizations}
        list={
          <ImmunizationList
            patientId={patientId}
            {...zone}
            onEdit={canEdit ? (i) => setImmunizations({ open: true, id: i.id }) : undefined}
          />
        }
        form={(id, done) => (
          <ImmunizationForm patientId={patientId} immunizationId={id} {...zone} onSaved={done} />
        )}
      />
    </section>
  );
}
