import type { ResourceAdapter } from '../adapter.js';
import { accountAdapter } from './account.js';
import { activityDefinitionAdapter } from './activity-definition.js';
import { allergyAdapter } from './allergy.js';
import { appointmentAdapter } from './appointment.js';
import { appointmentResponseAdapter } from './appointment-response.js';
import { assessmentAdapter } from './assessment.js';
import { auditEventAdapter } from './audit-event.js';
import { carePlanAdapter } from './care-plan.js';
import { careTeamAdapter } from './care-team.js';
import { chargeItemAdapter } from './charge-item.js';
import { claimAdapter } from './claim.js';
import { claimResponseAdapter } from './claim-response.js';
import { conditionAdapter } from './condition.js';
import { consentAdapter } from './consent.js';
import { coverageAdapter } from './coverage.js';
import { deviceAdapter } from './device.js';
import { deviceRequestAdapter } from './device-request.js';
import { deviceUseStatementAdapter } from './device-use-statement.js';
import { documentAdapter } from './document.js';
import { eligibilityRequestAdapter } from './eligibility-request.js';
import { eligibilityResponseAdapter } from './eligibility-response.js';
import { encounterAdapter } from './encounter.js';
import { enrollmentRequestAdapter } from './enrollment-request.js';
import { enrollmentResponseAdapter } from './enrollment-response.js';
import { eobAdapter } from './eob.js';
import { familyHistoryAdapter } from './family-history.js';
import { goalAdapter } from './goal.js';
import { healthcareServiceAdapter } from './healthcare-service.js';
import { imagingStudyAdapter } from './imaging-study.js';
import { immunizationAdapter } from './immunization.js';
import { immunizationEvaluationAdapter } from './immunization-evaluation.js';
import { immunizationRecommendationAdapter } from './immunization-recommendation.js';
import { intakeAdapter } from './intake.js';
import { invoiceAdapter } from './invoice.js';
import { labAdapter } from './lab.js';
import { locationAdapter } from './location.js';
import { measureAdapter } from './measure.js';
import { measureReportAdapter } from './measure-report.js';
import { mediaAdapter } from './media.js';
import { medicationAdapter } from './medication.js';
import { medicationDispenseAdapter } from './medication-dispense.js';
import { medicationKnowledgeAdapter } from './medication-knowledge.js';
import { medicationStatementAdapter } from './medication-statement.js';
import { noteAdapter } from './note.js';
import { nutritionOrderAdapter } from './nutrition-order.js';
import { observationAdapter } from './observation.js';
import { organizationAdapter } from './organization.js';
import { patientAdapter } from './patient.js';
import { paymentNoticeAdapter } from './payment-notice.js';
import { paymentReconciliationAdapter } from './payment-reconciliation.js';
import { personAdapter } from './person.js';
import { planDefinitionAdapter } from './plan-definition.js';
import { practitionerAdapter } from './practitioner.js';
import { practitionerRoleAdapter } from './practitioner-role.js';
import { prescriptionAdapter } from './prescription.js';
import { riskAssessmentAdapter } from './risk-assessment.js';
import { scheduleAdapter } from './schedule.js';
import { serviceRequestAdapter } from './service-request.js';
import { slotAdapter } from './slot.js';
import { specimenAdapter } from './specimen.js';
import { taskAdapter } from './task.js';
import { visionPrescriptionAdapter } from './vision-prescription.js';

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

/** In registry order: one adapter per registered path (a test checks there is one for each). */
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
  appointmentResponseAdapter,
  taskAdapter,
  organizationAdapter,
  accountAdapter,
  healthcareServiceAdapter,
  serviceRequestAdapter,
  locationAdapter,
  personAdapter,
  familyHistoryAdapter,
  claimAdapter,
  claimResponseAdapter,
  careTeamAdapter,
  chargeItemAdapter,
  coverageAdapter,
  eligibilityRequestAdapter,
  eligibilityResponseAdapter,
  eobAdapter,
  deviceAdapter,
  deviceRequestAdapter,
  deviceUseStatementAdapter,
  invoiceAdapter,
  medicationDispenseAdapter,
  medicationKnowledgeAdapter,
  medicationStatementAdapter,
  paymentNoticeAdapter,
  paymentReconciliationAdapter,
  specimenAdapter,
  imagingStudyAdapter,
  enrollmentRequestAdapter,
  enrollmentResponseAdapter,
  immunizationEvaluationAdapter,
  mediaAdapter,
  activityDefinitionAdapter,
  nutritionOrderAdapter,
  planDefinitionAdapter,
  visionPrescriptionAdapter,
  riskAssessmentAdapter,
  auditEventAdapter,
  measureAdapter,
  measureReportAdapter,
  immunizationRecommendationAdapter,
];

export const createAdapterRegistry = () => new AdapterRegistry(ADAPTERS);
