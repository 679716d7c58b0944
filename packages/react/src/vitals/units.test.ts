import { describe, expect, it } from 'vitest';
import {
  bodyMassIndex,
  canonicalValue,
  fromCanonical,
  parseDecimal,
  roundTo,
  toCanonical,
  unitsForLocale,
} from './units.js';

describe('unit conversion to the canonical UCUM unit', () => {
  it('uses the exact definitions (1 [lb_av] = 0.45359237 kg, 1 [in_i] = 2.54 cm)', () => {
    expect(toCanonical(1, '[lb_av]')).toBe(0.45359237);
    expect(toCanonical(1, '[in_i]')).toBe(2.54);
    expect(toCanonical(5, 'ft_in', 0)).toBeCloseTo(12.7, 12);
    expect(toCanonical(10, 'ft_in', 5)).toBeCloseTo(177.8, 12);
    expect(toCanonical(212, '[degF]')).toBe(100);
    expect(toCanonical(70.3, 'kg')).toBe(70.3);
  });

  it('stores each measure to its documented precision (0.1 kg, 0.1 cm, 0.1 Cel, whole mmHg)', () => {
    expect(canonicalValue('bodyWeight', 154, '[lb_av]')).toBe(69.9); // 69.853...
    expect(canonicalValue('bodyWeight', 155, '[lb_av]')).toBe(70.3); // 70.306...
    expect(canonicalValue('bodyHeight', 10, 'ft_in', 5)).toBe(177.8);
    expect(canonicalValue('bodyHeight', 70, '[in_i]')).toBe(177.8);
    expect(canonicalValue('bodyTemperature', 98.6, '[degF]')).toBe(37);
    expect(canonicalValue('bodyTemperature', 100.4, '[degF]')).toBe(38);
    expect(canonicalValue('bodyTemperature', 99.5, '[degF]')).toBe(37.5);
    expect(canonicalValue('systolic', 120, undefined)).toBe(120);
  });

  it('rounds half away from zero without binary artefacts', () => {
    expect(roundTo(177.79999999999998, 1)).toBe(177.8);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(0.05, 1)).toBe(0.1);
    expect(roundTo(2.5, 0)).toBe(3);
  });

  it('shows canonical values back in the user’s unit', () => {
    expect(fromCanonical(70.3, '[lb_av]')).toEqual({ value: 155 });
    expect(fromCanonical(37, '[degF]')).toEqual({ value: 98.6 });
    expect(fromCanonical(177.8, 'ft_in')).toEqual({ feet: 5, value: 10 });
    expect(fromCanonical(182.9, 'ft_in')).toEqual({ feet: 6, value: 0 });
  });

  it('computes BMI from canonical weight and height to 0.1 kg/m2', () => {
    expect(bodyMassIndex(69.9, 177.8)).toBe(22.1);
    expect(bodyMassIndex(70, 175)).toBe(22.9);
  });
});

describe('parseDecimal', () => {
  it('reads digits with one decimal separator (dot or comma), nothing else', () => {
    expect(parseDecimal(' 37.5 ')).toEqual({ value: 37.5, decimals: 1 });
    expect(parseDecimal('37,5')).toEqual({ value: 37.5, decimals: 1 });
    expect(parseDecimal('120')).toEqual({ value: 120, decimals: 0 });
    for (const bad of ['', '-5', '1e3', '12.3.4', '12 3', '0x10', 'abc', '.5']) {
      expect(parseDecimal(bad), bad).toBeUndefined();
    }
  });
});

describe('unitsForLocale', () => {
  it('starts US locales in lb, ft + in and °F, others in metric', () => {
    expect(unitsForLocale('en-US')).toEqual({
      bodyTemperature: '[degF]',
      bodyHeight: 'ft_in',
      bodyWeight: '[lb_av]',
    });
    expect(unitsForLocale('en-GB').bodyWeight).toBe('kg');
    expect(unitsForLocale('de-DE').bodyTemperature).toBe('Cel');
    expect(unitsForLocale('not a locale').bodyHeight).toBe('cm');
  });
});
