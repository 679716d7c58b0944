/** Resource ids: 1-128 letters, digits, `-`, `_` or `.` (the contract's pattern). */
export const ID_PATTERN = /^[A-Za-z0-9\-_.]{1,128}$/;

/** True when `value` is a syntactically valid resource id. `.` and `..` are refused: they are path segments. */
export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value) && value !== '.' && value !== '..';
}
