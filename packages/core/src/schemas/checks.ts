import type { z } from 'zod';

interface Timed {
  start?: string | undefined;
  end?: string | undefined;
}

/** Refuses `end` before (or equal to, when `strict`) `start` when both are present. */
export function endAfterStart<T extends z.ZodType<Timed>>(schema: T, strict = true): T {
  return schema.refine(
    (value) => {
      if (!value.start || !value.end) return true;
      const span = Date.parse(value.end) - Date.parse(value.start);
      return strict ? span > 0 : span >= 0;
    },
    { error: strict ? 'must be after start' : 'must not be before start', path: ['end'] },
  ) as unknown as T;
}
