import { field, firstDate, listOf, reference, same, TEXT } from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `appointment-responses` <-> FHIR R4 AppointmentResponse. */
export const appointmentResponseAdapter = documentedAdapter('appointment-responses', {
  fields: [
    reference('appointmentId', 'appointment', 'Appointment'),
    same('start'),
    same('end'),
    field('participantType', 'participantType', listOf(TEXT)),
    reference('actorId', 'actor', 'Patient'),
    same('participantStatus'),
    same('comment'),
  ],
  mainDate: firstDate('start'),
});
