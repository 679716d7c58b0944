import type { ResourceAdapter } from '../adapter.js';
import { allergyAdapter } from './allergy.js';
import { appointmentAdapter } from './appointment.js';
import { assessmentAdapter } from './assessment.js';
import { carePlanAdapter } from './care-plan.js';
import { conditionAdapter } from './condition.js';
import { consentAdapter } from './consent.js';
import { documentAdapter } from './document.js';
import { encounterAdapter } from './encounter.js';
import { goalAdapter } from './goal.js';
import { immunizationAdapter } from './immunization.js';
import { intakeAdapter } from './intake.js';
import { labAdapter } from './lab.js';
import { medicationAdapter } from './medication.js';
import { noteAdapter } from './note.js';
import { observationAdapter } from './observation.js';
import { patientAdapter } from './patient.js';
import { practitionerAdapter } from './practitioner.js';
import { practitionerRoleAdapter } from './practitioner-role.js';
import { prescriptionAdapter } from './prescription.js';
import { scheduleAdapter } from './schedule.js';
import { slotAdapter } from './slot.js';

/** Every adapter the sandbox serves, looked up by REST path or FHIR type. */
export class AdapterRegistry {
  readonly #byPath = new Map<string, ResourceAdapter>();
  readonly #byFhirType = new Map<string, ResourceAdapter>();

  constructor(adapters: readonly ResourceAdapter[]) {
    for (const adapter of adapters) {
      this.#byPath.set(adapter.definition.path, adapter);
      this.#byFhirType.set(adapter.definition.fhirType, adapter);
    }
  }

  get(path: string): ResourceAdapter | undefined {
    return this.#byPath.get(path);
  }

  require(path: string): ResourceAdapter {
    const adapter = this.#byPath.get(path);
    if (!adapter) throw new Error(`No adapter for ${path}`);
    return adapter;
  }

  byFhirType(fhirType: string): ResourceAdapter | undefined {
    return this.#byFhirType.get(fhirType);
  }

  all(): ResourceAdapter[] {
    return [...this.#byPath.values()];
  }
}

/** In registry order: one adapter per registered path. */
export const ADAPTERS: readonly ResourceAdapter[] = [
  patientAdapter,
  practitionerAdapter,
  practitionerRoleAdapter,
  encounterAdapter,
  observationAdapter,
  medicationAdapter,
  prescriptionAdapter,
  appointmentAdapter,
  intakeAdapter,
  consentAdapter,
  labAdapter,
  noteAdapter,
  assessmentAdapter,
  documentAdapter,
  slotAdapter,
  scheduleAdapter,
  conditionAdapter,
  allergyAdapter,
  immunizationAdapter,
  carePlanAdapter,
  goalAdapter,
];

export const createAdapterRegistry = () => new AdapterRegistry(ADAPTERS);
