import type { Geometry } from '../geo/boundaries';
import { assignByPoint } from './assign';
import { scoreMatrix } from './composite';
import type { CrimeColumns } from './geography';
import { areaIndex } from '../geo/spatial-index';
import { DEFAULT_SEED, Random } from '../stats/random';
import { STANDARDISATION_IDS, type Direction, type Standardisation } from './standardise';

export interface NeedBenchmark {
  /** Per standardisation, milliseconds per run of standardise + composite + rank. */
  scoreMs: Record<Standardisation, number[]>;
  /** Milliseconds per run of placing the partnership's crime rows in its wards (index included). */
  assignMs: number[];
  rows: number;
}

/**
 * Times {@link scoreMatrix} on synthetic data: `areas` areas × `indicators`
 * indicators of seeded uniform values (seed 1234), a third of them "lower is
 * more need", weights 1 to 4. Generating the data is not timed.
 *
 * @example benchmarkScoring(32844, 20, 7).zscore // [38.2, 35.9, …] milliseconds
 */
export function benchmarkScoring(areas: number, indicators: number, runs: number): Record<Standardisation, number[]> {
  const rnd = new Random(DEFAULT_SEED);
  const values = Array.from({ length: indicators }, () => Float64Array.from({ length: areas }, () => Math.round(rnd.float() * 1e6) / 100));
  const directions = values.map((_, i): Direction => (i % 3 === 0 ? 'lower' : 'higher'));
  const weights = values.map((_, i) => 1 + (i % 4));
  const names = Array.from({ length: areas }, (_, i) => `E01${String(i).padStart(6, '0')}`);
  const out = Object.fromEntries(STANDARDISATION_IDS.map((m) => [m, [] as number[]])) as Record<Standardisation, number[]>;
  for (let r = 0; r < runs; r++) {
    for (const method of STANDARDISATION_IDS) {
      const t0 = performance.now();
      scoreMatrix({ values, directions, weights, method, names });
      out[method].push(performance.now() - t0);
    }
  }
  return out;
}

/**
 * Times placing the partnership's crime rows in its wards, building the
 * grid index each run as a first visit does.
 *
 * @example benchmarkPlacement(wards.map((w) => w.geometry), crime, 'Luton', 7) // { ms: [17.2, …], rows: 58545 }
 */
export function benchmarkPlacement(wards: readonly Geometry[], crime: CrimeColumns, area: string, runs: number): { ms: number[]; rows: number } {
  const ms: number[] = [];
  let rows = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    rows = assignByPoint(areaIndex(wards), crime.longitude, crime.latitude, (i) => crime.lad[i] === area).considered;
    ms.push(performance.now() - t0);
  }
  return { ms, rows };
}
