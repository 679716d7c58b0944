/** The demo's users. A real app replaces these (and sessions.ts) with its own auth provider. */
export type DemoRole = 'front-desk' | 'practitioner' | 'patient';

export interface DemoUser {
  id: string;
  role: DemoRole;
  name: string;
  /** For the patient-portal user: the patient record they may see. */
  patientId?: string;
}

export interface DemoDirectory {
  /** The patient the portal user is, or `undefined` when no such record is configured. */
  portalPatientId: string | undefined;
}

/** The sign-in page offers one button per user, so a visitor can try every role. */
export function demoUsers(directory: DemoDirectory): DemoUser[] {
  const users: DemoUser[] = [
    { id: 'user_front_desk', role: 'front-desk', name: 'Fran Desk' },
    { id: 'user_practitioner', role: 'practitioner', name: 'Dr. Priya Shah' },
  ];
  if (directory.portalPatientId) {
    users.push({
      id: 'user_patient',
      role: 'patient',
      name: 'Jordan Rivera',
      patientId: directory.portalPatientId,
    });
  }
  return users;
}
