/**
 * What Playwright's `context.clock.install()` does to `Date` and `Intl.DateTimeFormat` (its
 * injected clock source, `createDate`/`createIntl`, playwright-core 1.65), reproduced for Node
 * tests: `Date` becomes a plain function that returns a native `Date` whatever `new.target` is,
 * so `class X extends Date` yields plain `Date`s (a zone library built on a `Date` subclass loses
 * its zone), and `DateTimeFormat#format()` without an argument formats the fake now. Time keeps
 * flowing from `startAt`. Timers are left real (this is about `Date`, not about scheduling).
 */
export interface PlaywrightLikeClock {
  readonly NativeDate: DateConstructor;
  /** Restores the native `Date` and `Intl`. */
  uninstall(): void;
}

export function installPlaywrightLikeClock(
  target: typeof globalThis,
  startAt: number,
): PlaywrightLikeClock {
  const NativeDate = target.Date;
  const NativeIntl = target.Intl;
  const realStart = NativeDate.now();
  const now = () => startAt + (NativeDate.now() - realStart);

  // biome-ignore lint/suspicious/noExplicitAny: a faithful copy of an untyped constructor function
  function ClockDate(this: unknown, ...args: any[]): any {
    if (!(this instanceof ClockDate)) return new NativeDate(now()).toString();
    // Like Playwright's switch on arguments.length: a native Date, never `new.target`'s class.
    // biome-ignore lint/suspicious/noExplicitAny: as above
    return args.length === 0 ? new NativeDate(now()) : new (NativeDate as any)(...args);
  }
  for (const prop of Object.getOwnPropertyNames(NativeDate)) {
    if (prop === 'prototype' || prop === 'length' || prop === 'name') continue;
    Object.defineProperty(
      ClockDate,
      prop,
      Object.getOwnPropertyDescriptor(NativeDate, prop) as PropertyDescriptor,
    );
  }
  ClockDate.prototype = NativeDate.prototype;
  Object.assign(ClockDate, { now, isFake: true, toString: () => NativeDate.toString() });

  const ClockIntl: typeof Intl = Object.create(null);
  for (const key of Object.getOwnPropertyNames(NativeIntl)) {
    Object.defineProperty(
      ClockIntl,
      key,
      Object.getOwnPropertyDescriptor(NativeIntl, key) as PropertyDescriptor,
    );
  }
  const nativePrototype = NativeIntl.DateTimeFormat.prototype;
  const nativeFormat = Object.getOwnPropertyDescriptor(nativePrototype, 'format')?.get as (
    this: Intl.DateTimeFormat,
  ) => (date?: Date | number) => string;
  const nativeFormatToParts = nativePrototype.formatToParts;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const ClockDateTimeFormat: any = function (this: unknown, ...args: unknown[]) {
    return Reflect.construct(NativeIntl.DateTimeFormat, args, new.target ?? ClockDateTimeFormat);
  };
  ClockDateTimeFormat.prototype = Object.create(nativePrototype, {
    ...Object.getOwnPropertyDescriptors(nativePrototype),
    constructor: { value: ClockDateTimeFormat, writable: true, configurable: true },
    format: {
      get(this: Intl.DateTimeFormat) {
        const format = nativeFormat.call(this);
        return (date?: Date | number) => format(date === undefined ? now() : date);
      },
      configurable: true,
    },
    formatToParts: {
      value(this: Intl.DateTimeFormat, date?: Date | number) {
        return nativeFormatToParts.call(this, date === undefined ? now() : date);
      },
      writable: true,
      configurable: true,
    },
  });
  ClockDateTimeFormat.supportedLocalesOf = NativeIntl.DateTimeFormat.supportedLocalesOf;
  Object.defineProperty(ClockIntl, 'DateTimeFormat', {
    value: ClockDateTimeFormat,
    writable: true,
    configurable: true,
  });

  target.Date = ClockDate as unknown as DateConstructor;
  target.Intl = ClockIntl;
  return {
    NativeDate,
    uninstall() {
      target.Date = NativeDate;
      target.Intl = NativeIntl;
    },
  };
}
