'use client';
import { ClinikConfigError } from '@clinikapi/core/client';
import { useMemo } from 'react';
import { useClinik } from '../provider/context.js';
import { isValidTimeZone } from '../time/zone.js';

/**
 * The practice's IANA zone: the component's `timeZone` prop, else the provider's. A zone the
 * runtime does not know throws a coded error at render instead of silently using another zone.
 */
export function usePracticeZone(timeZone: string | undefined): string {
  const clinik = useClinik();
  const zone = timeZone ?? clinik.timeZone;
  return useMemo(() => {
    if (!isValidTimeZone(zone)) {
      throw new ClinikConfigError(
        'ERR_CLINIK_INVALID_TIME_ZONE',
        `Unknown time zone "${zone.slice(0, 64)}": pass an IANA zone such as "Asia/Kolkata"`,
      );
    }
    return zone;
  }, [zone]);
}
