import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  getResource,
  getResourceByEvent,
  getResourceByFhirType,
  ORIGINAL_RESOURCE_PATHS,
  patientFieldOf,
  RESOURCES,
} from './registry.js';
import { getResourceSchemas, RESOURCE_SCHEMAS } from './schemas/index.js';

/**
 * Facts of ClinikAPI's OpenAPI document (`clinikapi/docs`, `api-reference/openapi.yaml`: paths,
 * operations, query parameters) and of its guides (FHIR types, webhook names), checked against
 * the registry rows written from them.
 */
const DOCUMENTED: Record<string, [fhirType: string, event: string, search: string]> = {
  'appointment-responses': [
    'AppointmentResponse',
    'appointment-response',
    'appointmentId actorId participantStatus',
  ],
  tasks: [
    'Task',
    'task',
    'patientId status ownerId requesterId priority code dateFrom dateTo sort',
  ],
  organizations: ['Organization', 'organization', 'name type active'],
  accounts: ['Account', 'account', 'patientId status type ownerId'],
  'healthcare-services': ['HealthcareService', 'healthcare-service', 'name type specialty active'],
  'service-requests': [
    'ServiceRequest',
    'service-request',
    'patientId status priority category requesterId performerId code dateFrom dateTo sort',
  ],
  locations: ['Location', 'location', 'name status type address sort'],
  persons: ['Person', 'person', 'name email phone active sort'],
  'family-history': [
    'FamilyMemberHistory',
    'family-member-history',
    'patientId status relationship dateFrom dateTo sort',
  ],
  claims: ['Claim', 'claim', 'patientId status use providerId dateFrom dateTo'],
  'claim-responses': ['ClaimResponse', 'claim-response', 'patientId status use outcome requestId'],
  'care-teams': ['CareTeam', 'care-team', 'patientId status category'],
  'charge-items': ['ChargeItem', 'charge-item', 'patientId status code dateFrom dateTo'],
  coverages: ['Coverage', 'coverage', 'patientId status type payorId'],
  'eligibility-requests': [
    'CoverageEligibilityRequest',
    'eligibility-request',
    'patientId status dateFrom dateTo',
  ],
  'eligibility-responses': [
    'CoverageEligibilityResponse',
    'eligibility-response',
    'patientId status outcome requestId',
  ],
  eobs: ['ExplanationOfBenefit', 'explanation-of-benefit', 'patientId status use outcome claimId'],
  devices: ['Device', 'device', 'patientId status type manufacturer modelNumber'],
  'device-requests': ['DeviceRequest', 'device-request', 'patientId status intent code'],
  'device-use-statements': [
    'DeviceUseStatement',
    'device-use-statement',
    'patientId status deviceId',
  ],
  invoices: ['Invoice', 'invoice', 'patientId status issuerId dateFrom dateTo'],
  'medication-dispenses': [
    'MedicationDispense',
    'medication-dispense',
    'patientId status medication',
  ],
  'medication-knowledge': [
    'MedicationKnowledge',
    'medication-knowledge',
    'code status doseForm manufacturer',
  ],
  'medication-statements': [
    'MedicationStatement',
    'medication-statement',
    'patientId status medication category',
  ],
  'payment-notices': ['PaymentNotice', 'payment-notice', 'status dateFrom dateTo providerId'],
  'payment-reconciliations': [
    'PaymentReconciliation',
    'payment-reconciliation',
    'status dateFrom dateTo outcome',
  ],
  specimens: ['Specimen', 'specimen', 'patientId status type dateFrom dateTo'],
  'imaging-studies': ['ImagingStudy', 'imaging-study', 'patientId status modality dateFrom dateTo'],
  'enrollment-requests': [
    'EnrollmentRequest',
    'enrollment-request',
    'candidateId status insurerId',
  ],
  'enrollment-responses': ['EnrollmentResponse', 'enrollment-response', 'status outcome'],
  'immunization-evaluations': [
    'ImmunizationEvaluation',
    'immunization-evaluation',
    'patientId status immunizationEventId targetDisease',
  ],
  media: ['Media', 'media', 'patientId status type modality dateFrom dateTo'],
  'activity-definitions': [
    'ActivityDefinition',
    'activity-definition',
    'status name title kind code',
  ],
  'nutrition-orders': ['NutritionOrder', 'nutrition-order', 'patientId status dateFrom dateTo'],
  'plan-definitions': ['PlanDefinition', 'plan-definition', 'status name title type'],
  'vision-prescriptions': [
    'VisionPrescription',
    'vision-prescription',
    'patientId status prescriberId dateFrom dateTo',
  ],
  'risk-assessments': ['RiskAssessment', 'risk-assessment', 'patientId status method conditionId'],
  'audit-events': ['AuditEvent', 'audit-event', 'action outcome agent dateFrom dateTo'],
  measures: ['Measure', 'measure', 'status name title topic'],
  'measure-reports': [
    'MeasureReport',
    'measure-report',
    'patientId status measureId dateFrom dateTo',
  ],
  'immunization-recommendations': [
    'ImmunizationRecommendation',
    'immunization-recommendation',
    'patientId vaccineCode targetDisease dateFrom dateTo',
  ],
};

describe('registry rows written from the OpenAPI document', () => {
  it('has the 41 paths beyond the contract with their FHIR type, webhook name and search', () => {
    const beyond = RESOURCES.slice(21).map((r) => r.path);
    expect(beyond).toEqual(Object.keys(DOCUMENTED));
    for (const [path, [fhirType, event, search]] of Object.entries(DOCUMENTED)) {
      const definition = getResource(path);
      expect({ path, fhirType: definition?.fhirType, event: definition?.event }).toEqual({
        path,
        fhirType,
        event,
      });
      expect(definition?.searchParams.join(' ')).toBe(search);
      expect(getResourceByFhirType(fhirType)?.path).toBe(path);
      expect(getResourceByEvent(event)?.path).toBe(path);
    }
    expect(ORIGINAL_RESOURCE_PATHS.every((path) => getResource(path))).toBe(true);
  });

  it('offers PATCH wherever the document does, and nowhere else', () => {
    const withoutPatch = RESOURCES.filter((r) => !r.itemMethods.includes('PATCH')).map(
      (r) => r.path,
    );
    expect(withoutPatch).toEqual(['audit-events', 'immunization-recommendations']);
    for (const r of RESOURCES)
      expect(r.itemMethods).toEqual(expect.arrayContaining(['GET', 'DELETE']));
  });

  it('names, for every patient-owned resource, a field that is also a search parameter', () => {
    for (const r of RESOURCES) {
      const field = patientFieldOf(r);
      if (r.ownership === 'patient') {
        expect(r.searchParams, r.path).toContain(field);
        expect(getResourceSchemas(r.path)?.create, r.path).toBeDefined();
      } else if (r.ownership === 'self') expect(field).toBe('id');
      else expect(field, r.path).toBeUndefined();
    }
    const fieldOf = (path: string) => {
      const definition = getResource(path);
      return definition && patientFieldOf(definition);
    };
    expect(fieldOf('coverages')).toBe('patientId');
    expect(fieldOf('enrollment-requests')).toBe('candidateId');
    expect(fieldOf('appointment-responses')).toBe('actorId');
  });

  it('keeps directories shared and the audit trail, payments and person index internal', () => {
    const by = (ownership: string) =>
      RESOURCES.filter((r) => r.ownership === ownership).map((r) => r.path);
    expect(by('shared')).toEqual([
      'practitioners',
      'practitioner-roles',
      'medications',
      'slots',
      'schedules',
      'organizations',
      'healthcare-services',
      'locations',
      'medication-knowledge',
      'activity-definitions',
      'plan-definitions',
      'measures',
    ]);
    expect(by('internal')).toEqual([
      'persons',
      'payment-notices',
      'payment-reconciliations',
      'enrollment-responses',
      'audit-events',
    ]);
    expect(['tasks', 'coverages', 'specimens'].map((p) => getResource(p)?.ownership)).toEqual([
      'patient',
      'patient',
      'patient',
    ]);
  });

  it('has create and patch schemas for every path, and refuses non-paths', () => {
    expect(Object.keys(RESOURCE_SCHEMAS).sort()).toEqual(RESOURCES.map((r) => r.path).sort());
    expect(getResourceSchemas('constructor')).toBeUndefined();
    expect(getResourceSchemas('__proto__')).toBeUndefined();
  });

  it('does not import schemas (bundles that only route stay free of zod)', () => {
    const source = readFileSync(new URL('./registry.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from '\.\/schemas|zod/);
  });
});
