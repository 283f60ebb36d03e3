import type { Criterion, Scale } from './schema';

/** The label of a scale point, if it has one. @example levelLabel(seedScale, 3) // 'Medium' */
export function levelLabel(scale: Scale, value: number): string | undefined {
  return scale.levels.find((l) => l.value === value)?.label;
}

/** Every whole-number point of a scale. @example scalePoints({ min: 1, max: 4, levels }) // [1, 2, 3, 4] */
export function scalePoints(scale: Scale): number[] {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
}

/** A scale in words. @example scaleText(seedScale) // '0 N/A, 1 Low, 3 Medium, 5 High (0–5)' */
export function scaleText(scale: Scale): string {
  const named = [...scale.levels].sort((a, b) => a.value - b.value).map((l) => `${l.value} ${l.label}`);
  return `${named.join(', ')} (${scale.min}–${scale.max})`;
}

/**
 * Why a value cannot be a score on this criterion, or undefined when it can.
 *
 * @example scoreProblem(likelihood, 7) // 'must be a whole number from 0 to 5'
 */
export function scoreProblem(c: Criterion, value: number): string | undefined {
  if (!Number.isInteger(value) || value < c.scale.min || value > c.scale.max) return `must be a whole number from ${c.scale.min} to ${c.scale.max}`;
  return undefined;
}
