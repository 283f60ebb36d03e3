import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoundaries } from '../../models/geo/boundaries';
import { priorityMap } from '../../src/charts/priority-map';

const wards = (() => {
  const r = parseBoundaries(readFileSync(new URL('../../sample-data/boundaries/ward_E06000032.geojson', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.reason);
  return r.areas;
})();

describe('priorityMap', () => {
  it('outlines every ward, shades the marked ones by how many priorities name them, and labels them', () => {
    const marked = [
      { code: wards[0]!.code, priorities: ['Burglary Dwelling'] },
      { code: wards[3]!.code, priorities: ['ASB (Personal)', 'ASB (Nuisance)', 'Burglary Dwelling'] },
    ];
    const o = priorityMap({ areas: wards, marked, ariaLabel: 'Where the top 5 priorities happen most' });
    const projection = o.projection as { type: string; domain: { features: unknown[] } };
    expect(projection.type).toBe('mercator');
    expect(projection.domain.features).toHaveLength(wards.length);
    // Only the counts drawn are in the legend; three priorities take the darkest shade.
    expect(o.color).toMatchObject({ type: 'ordinal', legend: true, domain: ['1 priority', '3 priorities'], range: ['#fdbb84', '#b30000'] });
    const [outline, shaded, labels] = o.marks as unknown as { data: { properties: { name: string } }[] }[];
    expect(outline!.data).toHaveLength(wards.length);
    expect(shaded!.data.map((f) => f.properties.name)).toEqual([wards[0]!.name, wards[3]!.name]);
    expect(labels!.data).toHaveLength(2);
    expect(o.ariaLabel).toBe('Where the top 5 priorities happen most');
  });
});
