// `@clinikapi/core/schemas`: the zod schemas of every resource shape, the schema registry
// (RESOURCE_SCHEMAS) and `validate`. Browser code loads it with `import()` when a form validates,
// so zod stays out of the pages' eager chunks.
export * from '../schemas/account.js';
export * from '../schemas/activity-definition.js';
export * from '../schemas/allergy.js';
export * from '../schemas/appointment.js';
export * from '../schemas/appointment-response.js';
export * from '../schemas/assessment.js';
export * from '../schemas/audit-event.js';
export * from '../schemas/care-plan.js';
export * from '../schemas/care-team.js';
export * from '../schemas/charge-item.js';
export * from '../schemas/claim.js';
export * from '../schemas/claim-response.js';
export * from '../schemas/common.js';
export * from '../schemas/condition.js';
export * from '../schemas/consent.js';
export * from '../schemas/coverage.js';
export * from '../schemas/device.js';
export * from '../schemas/device-request.js';
export * from '../schemas/device-use-statement.js';
export * from '../schemas/document.js';
export * from '../schemas/eligibility-request.js';
export * from '../schemas/eligibility-response.js';
export * from '../schemas/encounter.js';
export * from '../schemas/enrollment-request.js';
export * from '../schemas/enrollment-response.js';
export * from '../schemas/eob.js';
export * from '../schemas/family-history.js';
export * from '../schemas/goal.js';
export * from '../schemas/healthcare-service.js';
export * from '../schemas/imaging-study.js';
export * from '../schemas/immunization.js';
export * from '../schemas/immunization-evaluation.js';
export * from '../schemas/immunization-recommendation.js';
export {
  type ClinicalSearchParams,
  type GenericRecord,
  getResourceSchemas,
  type PagingParams,
  RESOURCE_SCHEMAS,
  type RegistrySearchParams,
  type ResourceSchemas,
  type ResourceTypeMap,
  type ResourceTypes,
} from '../schemas/index.js';
export * from '../schemas/intake.js';
export * from '../schemas/invoice.js';
export * from '../schemas/kit.js';
export * from '../schemas/lab.js';
export * from '../schemas/location.js';
export * from '../schemas/measure.js';
export * from '../schemas/measure-report.js';
export * from '../schemas/media.js';
export * from '../schemas/medication.js';
export * from '../schemas/medication-dispense.js';
export * from '../schemas/medication-knowledge.js';
export * from '../schemas/medication-statement.js';
export * from '../schemas/note.js';
export * from '../schemas/nutrition-order.js';
export * from '../schemas/observation.js';
export * from '../schemas/organization.js';
export * from '../schemas/patient.js';
export * from '../schemas/payment-notice.js';
export * from '../schemas/payment-reconciliation.js';
export * from '../schemas/person.js';
export * from '../schemas/plan-definition.js';
export * from '../schemas/practitioner.js';
export * from '../schemas/practitioner-role.js';
export * from '../schemas/prescription.js';
export * from '../schemas/risk-assessment.js';
export * from '../schemas/schedule.js';
export * from '../schemas/service-request.js';
export * from '../schemas/slot.js';
export * from '../schemas/specimen.js';
export * from '../schemas/task.js';
export * from '../schemas/vision-prescription.js';
export { formatPath, type ValidationResult, validate } from '../validation.js';
