import { formatCount } from '../../models/format';

/**
 * Reads a number box: the number, or null when the box is empty, not a number,
 * out of range or (when `whole`) fractional. A refused value is marked on the
 * box itself (`aria-invalid` and the browser's validity message, shown at
 * once), so a bad entry never passes silently or turns into 0.
 *
 * @example const n = readNumber(e.target as HTMLInputElement, { min: 1, max: 10_000_000, whole: true });
 */
export function readNumber(input: HTMLInputElement, { min, max, whole = false }: { min: number; max: number; whole?: boolean }): number | null {
  const text = input.value.trim();
  const v = Number(text);
  const ok = text !== '' && Number.isFinite(v) && v >= min && v <= max && (!whole || Number.isInteger(v));
  input.setCustomValidity(ok ? '' : `Enter ${whole ? 'a whole number' : 'a number'} from ${formatCount(min)} to ${formatCount(max)}.`);
  input.setAttribute('aria-invalid', ok ? 'false' : 'true');
  if (!ok) input.reportValidity();
  return ok ? v : null;
}
