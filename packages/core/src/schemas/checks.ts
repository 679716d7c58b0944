import * as z from 'zod/mini';

interface Timed {
  start?: string | undefined;
  end?: string | undefined;
}

/** Refuses `end` before (or equal to, when `strict`) `start` when both are present. */
export function endAfterStart<T extends z.ZodMiniType<Timed>>(schema: T, strict = true): T {
  return schema.check(
    z.refine(
      (value: Timed) => {
        if (!value.start || !value.end) return true;
        const span = Date.parse(value.end) - Date.parse(value.start);
        return strict ? span > 0 : span >= 0;
      },
      { error: strict ? 'must be after start' : 'must not be before start', path: ['end'] },
    ),
  );
}
