import type { Environment } from '../auth/keys.js';
import type { ResourceEngine } from '../engine/engine.js';
import type { TenantScope } from '../engine/write-context.js';
import { CITIES, FIRST_NAMES, LAST_NAMES, SPECIALTIES, STREETS } from './names.js';
import { createRandom, type Random } from './random.js';
import { addDays, isTimeZone, todayIn, zonedDateTime } from './time-zone.js';

export interface SeedOptions {
  /** Organization to fill. Defaults to `org_demo`. */
  org?: string;
  /** Defaults to `test`. */
  env?: Environment;
  /** Defaults to 200. */
  patients?: number;
  /** Defaults to 5 (each with a schedule and free slots). */
  practitioners?: number;
  /** Same value, same data. Defaults to 42. */
  seedValue?: number;
  /** IANA zone of the practice: clinic hours are wall-clock times there. Defaults to `America/New_York`. */
  timeZone?: string;
  /** Weeks of slots from `startDate` on. Defaults to 3. */
  weeks?: number;
  /** First day (`YYYY-MM-DD`) of the slot calendar. Defaults to tomorrow in `timeZone`. */
  startDate?: string;
}

export interface SeedResult {
  org: string;
  env: Environment;
  timeZone: string;
  patients: number;
  practitioners: number;
  schedules: number;
  slots: number;
  appointments: number;
  observations: number;
}

/** Clinic hours (wall clock in the practice's zone), 30-minute slots, Monday to Friday. */
const CLINIC_BLOCKS = [
  ['09:00', '12:00'],
  ['13:00', '17:00'],
] as const;
const SLOT_MINUTES = 30;

const pad = (n: number) => String(n).padStart(2, '0');
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const hhmmOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

function patientBody(random: Random, index: number) {
  const gender = random.chance(0.5) ? 'female' : 'male';
  const firstName = random.pick(FIRST_NAMES[gender]);
  const lastName = random.pick(LAST_NAMES);
  const place = random.pick(CITIES);
  const birthYear = random.int(1940, 2022);
  return {
    firstName,
    lastName,
    gender,
    birthDate: `${birthYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
    email: `${firstName}.${lastName}.${index}@example.com`.toLowerCase(),
    // 555-01xx numbers are reserved for fiction.
    phone: `+1-${random.int(200, 989)}-555-01${pad(random.int(0, 99))}`,
    address: {
      line: [`${random.int(1, 9999)} ${random.pick(STREETS)}`],
      ...place,
      country: 'US',
    },
    languages: [{ language: random.chance(0.15) ? 'es' : 'en', preferred: true }],
  };
}

/**
 * One visit's vital signs, coded as the FHIR R4 vital-signs profile wants them (LOINC codes,
 * UCUM quantities; blood pressure as the 85354-9 panel with systolic and diastolic components),
 * with the patient's height and the BMI computed from it and the weight (0.1 kg/m2).
 */
function vitals(
  random: Random,
  patientId: string,
  performerId: string,
  when: string,
  /** An adult's height; children get no height or BMI (adult norms would not apply). */
  heightCm: number | undefined,
) {
  // Drawn in the order the values always were, so existing seeds keep their numbers.
  const systolic = random.int(100, 150);
  const diastolic = systolic - random.int(30, 50);
  const heartRate = random.int(55, 100);
  const weightKg = Math.round(random.int(450, 1100)) / 10;
  const loinc = (code: string, display: string) => ({ system: 'http://loinc.org', code, display });
  const quantity = (value: number, unit: string, code: string) => ({
    value,
    unit,
    system: 'http://unitsofmeasure.org',
    code,
  });
  const base = {
    status: 'final',
    category: 'vital-signs',
    patientId,
    performerId,
    effectiveDateTime: when,
  };
  return [
    {
      ...base,
      code: loinc('85354-9', 'Blood pressure panel'),
      component: [
        {
          code: loinc('8480-6', 'Systolic blood pressure'),
          valueQuantity: quantity(systolic, 'mmHg', 'mm[Hg]'),
        },
        {
          code: loinc('8462-4', 'Diastolic blood pressure'),
          valueQuantity: quantity(diastolic, 'mmHg', 'mm[Hg]'),
        },
      ],
    },
    {
      ...base,
      code: loinc('8867-4', 'Heart rate'),
      valueQuantity: quantity(heartRate, 'beats/minute', '/min'),
    },
    {
      ...base,
      code: loinc('29463-7', 'Body weight'),
      valueQuantity: quantity(weightKg, 'kg', 'kg'),
    },
    ...(heightCm === undefined
      ? []
      : [
          {
            ...base,
            code: loinc('8302-2', 'Body height'),
            valueQuantity: quantity(heightCm, 'cm', 'cm'),
          },
          {
            ...base,
            code: loinc('39156-5', 'Body mass index (BMI) [Ratio]'),
            valueQuantity: quantity(
              Math.round((weightKg / (heightCm / 100) ** 2) * 10) / 10,
              'kg/m2',
              'kg/m2',
            ),
            note: `Calculated from body weight ${weightKg.toFixed(1)} kg and body height ${heightCm.toFixed(1)} cm.`,
          },
        ]),
  ];
}

/**
 * Fills an organization with realistic synthetic data: patients, practitioners with schedules and
 * free slots over the coming weeks (in the practice's time zone), booked and past appointments,
 * and vital-sign observations. Deterministic for a given `seedValue` and `startDate`.
 */
export async function seed(engine: ResourceEngine, options: SeedOptions = {}): Promise<SeedResult> {
  const timeZone = options.timeZone ?? 'America/New_York';
  if (!isTimeZone(timeZone)) throw new TypeError(`Unknown IANA time zone "${timeZone}"`);
  const scope: TenantScope = {
    tenant: options.org ?? 'org_demo',
    environment: options.env ?? 'test',
  };
  const random = createRandom(options.seedValue ?? 42);
  const patientCount = options.patients ?? 200;
  const practitionerCount = options.practitioners ?? 5;
  const weeks = options.weeks ?? 3;
  const startDate = options.startDate ?? addDays(todayIn(timeZone), 1).date;
  const adapter = (path: string) => engine.adapters.require(path);

  const patientBodies = Array.from({ length: patientCount }, (_, i) => patientBody(random, i + 1));
  const patientIds = await engine.createMany(scope, adapter('patients'), patientBodies);

  const practitionerBodies = Array.from({ length: practitionerCount }, (_, i) => {
    const gender = random.chance(0.5) ? 'female' : 'male';
    return {
      firstName: random.pick(FIRST_NAMES[gender]),
      lastName: random.pick(LAST_NAMES),
      prefix: ['Dr.'],
      gender,
      npi: String(1000000000 + random.int(0, 899999999)),
      specialty: SPECIALTIES[i % SPECIALTIES.length],
      qualifications: [{ name: 'MD', issuer: 'State Medical Board' }],
    };
  });
  const practitionerIds = await engine.createMany(
    scope,
    adapter('practitioners'),
    practitionerBodies,
  );

  const lastDate = addDays(startDate, weeks * 7 - 1).date;
  const scheduleIds = await engine.createMany(
    scope,
    adapter('schedules'),
    practitionerIds.map((id, i) => ({
      actorIds: [id],
      active: true,
      specialty: [practitionerBodies[i]?.specialty ?? 'Family Medicine'],
      planningHorizon: { start: startDate, end: lastDate },
      comment: `Clinic hours Mon-Fri 09:00-12:00 and 13:00-17:00 (${timeZone})`,
    })),
  );

  const slotBodies: Record<string, unknown>[] = [];
  for (const scheduleId of scheduleIds) {
    for (let day = 0; day < weeks * 7; day++) {
      const { date, weekday } = addDays(startDate, day);
      if (weekday === 0 || weekday === 6) continue;
      for (const [from, to] of CLINIC_BLOCKS) {
        for (let m = minutesOf(from); m + SLOT_MINUTES <= minutesOf(to); m += SLOT_MINUTES) {
          slotBodies.push({
            scheduleId,
            status: 'free',
            start: zonedDateTime(date, hhmmOf(m), timeZone),
            end: zonedDateTime(date, hhmmOf(m + SLOT_MINUTES), timeZone),
            appointmentType: 'routine',
          });
        }
      }
    }
  }
  const slotIds = await engine.createMany(scope, adapter('slots'), slotBodies);

  // Book about a fifth of the first week's slots; booking turns those slots busy.
  const firstWeekEnd = Date.parse(`${addDays(startDate, 7).date}T00:00:00Z`);
  const appointmentBodies: Record<string, unknown>[] = [];
  slotBodies.forEach((slot, i) => {
    const slotId = slotIds[i];
    if (!slotId || Date.parse(String(slot.start)) >= firstWeekEnd || !random.chance(0.2)) return;
    const scheduleIndex = scheduleIds.indexOf(String(slot.scheduleId));
    if (patientIds.length === 0) return;
    appointmentBodies.push({
      status: 'booked',
      patientId: random.pick(patientIds),
      practitionerId: practitionerIds[scheduleIndex],
      slotId,
      start: slot.start,
      end: slot.end,
      minutesDuration: SLOT_MINUTES,
      appointmentType: random.pick(['routine', 'followup', 'checkup'] as const),
      reasonCode: random.pick([
        'Annual physical',
        'Follow-up visit',
        'Blood pressure check',
        'Cough',
        'Back pain',
      ]),
    });
  });
  // Past visits, already fulfilled.
  for (let i = 0; i < Math.ceil(patientIds.length / 10) && practitionerIds.length > 0; i++) {
    const { date } = addDays(startDate, -random.int(2, 60));
    const start = zonedDateTime(date, `${pad(random.int(9, 16))}:00`, timeZone);
    appointmentBodies.push({
      status: 'fulfilled',
      patientId: random.pick(patientIds),
      practitionerId: random.pick(practitionerIds),
      start,
      end: new Date(Date.parse(start) + SLOT_MINUTES * 60_000).toISOString(),
      minutesDuration: SLOT_MINUTES,
      appointmentType: 'routine',
    });
  }
  await engine.createMany(scope, adapter('appointments'), appointmentBodies);

  const observationBodies: Record<string, unknown>[] = [];
  // Heights come from their own stream, so every other seeded value stays what it was.
  const heights = createRandom((options.seedValue ?? 42) + 0x5eed);
  for (const [index, patientId] of patientIds.entries()) {
    const birthYear = Number(patientBodies[index]?.birthDate.slice(0, 4));
    const heightCm = heights.int(1500, 1950) / 10;
    const visits = random.int(1, 3);
    for (let v = 0; v < visits && practitionerIds.length > 0; v++) {
      const { date } = addDays(startDate, -random.int(1, 365));
      const when = zonedDateTime(
        date,
        `${pad(random.int(9, 16))}:${pad(random.int(0, 59))}`,
        timeZone,
      );
      // Adults only (born 19 or more calendar years before the visit: 18 or older that day).
      const adult = Number(date.slice(0, 4)) - birthYear > 18;
      observationBodies.push(
        ...vitals(
          random,
          patientId,
          random.pick(practitionerIds),
          when,
          adult ? heightCm : undefined,
        ),
      );
    }
  }
  await engine.createMany(scope, adapter('observations'), observationBodies);

  return {
    org: scope.tenant,
    env: scope.environment,
    timeZone,
    patients: patientIds.length,
    practitioners: practitionerIds.length,
    schedules: scheduleIds.length,
    slots: slotIds.length,
    appointments: appointmentBodies.length,
    observations: observationBodies.length,
  };
}
