import { asArray, compact, isPlainObject, str, strings } from '../fhir-helpers.js';

/** Shared pieces of the Patient and Practitioner converters. */
type Plain = Record<string, unknown>;

export function telecomOf(email: unknown, phone: unknown) {
  return [
    typeof email === 'string' ? { system: 'email', value: email } : undefined,
    typeof phone === 'string' ? { system: 'phone', value: phone } : undefined,
  ].filter((t) => t !== undefined);
}

export function fromTelecom(telecom: unknown): { email?: string; phone?: string } {
  const entries = asArray(telecom).filter(isPlainObject);
  return compact({
    email: str(entries.find((t) => t.system === 'email')?.value),
    phone: str(entries.find((t) => t.system === 'phone')?.value),
  });
}

export const addressToFhir = (address: unknown) =>
  isPlainObject(address) ? compact({ ...address }) : undefined;

export function addressFromFhir(address: unknown): Plain | undefined {
  if (!isPlainObject(address)) return undefined;
  return compact({
    line: strings(address.line),
    city: str(address.city),
    state: str(address.state),
    postalCode: str(address.postalCode),
    country: str(address.country),
  });
}

export const photoToFhir = (photo: unknown) =>
  isPlainObject(photo) ? [compact({ ...photo })] : undefined;

export function photoFromFhir(photos: unknown): Plain | undefined {
  const photo = asArray(photos).find(isPlainObject);
  if (!photo) return undefined;
  return compact({
    url: str(photo.url),
    data: str(photo.data),
    contentType: str(photo.contentType),
  });
}

export function languagesToFhir(languages: unknown) {
  return asArray(languages)
    .filter(isPlainObject)
    .map((l) => compact({ language: { text: l.language }, preferred: l.preferred }));
}

export function languagesFromFhir(communication: unknown): Plain[] | undefined {
  const list = asArray(communication)
    .filter(isPlainObject)
    .map((c) =>
      compact({
        language: isPlainObject(c.language) ? str(c.language.text) : undefined,
        preferred: typeof c.preferred === 'boolean' ? c.preferred : undefined,
      }),
    )
    .filter((l) => l.language !== undefined);
  return list.length > 0 ? list : undefined;
}

/** The official name: `{ use: 'official', family, given, prefix, suffix }`. */
export function officialName(record: Plain) {
  return compact({
    use: 'official',
    family: record.lastName,
    given: [record.firstName],
    prefix: record.prefix,
    suffix: record.suffix,
  });
}

export function nameParts(names: unknown): Plain {
  const all = asArray(names).filter(isPlainObject);
  const name = all.find((n) => n.use === 'official') ?? all[0];
  if (!name) return {};
  return compact({
    firstName: strings(name.given)?.join(' '),
    lastName: str(name.family),
    prefix: strings(name.prefix),
    suffix: strings(name.suffix),
  });
}

export const fullNameOf = (record: Plain) =>
  [record.firstName, record.lastName].filter((p) => typeof p === 'string').join(' ');
