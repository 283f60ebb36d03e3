import { z } from 'zod';

/**
 * Harm and cost weights: one number per police.uk crime type (or per local
 * issue id) that turns a volume into a harm-weighted or cost-weighted volume.
 *
 * No defaults are shipped. The published sets (the ONS Crime Severity Score's
 * offence weights; the Home Office's unit costs of crime) are given per
 * offence, and police.uk's 14 categories each group many offences, so a
 * weight per category is a local choice the analyst must make and document.
 * The tables start empty with a note saying what to put there.
 */

export const WeightKind = z.enum(['harm', 'cost']);
export type WeightKind = z.infer<typeof WeightKind>;

export const WeightTable = z
  .object({
    kind: WeightKind,
    name: z.string().trim().min(1, { error: 'a weight table needs a name' }),
    /** Where the weights come from: title, publisher, year, table, and how categories were mapped. */
    source: z.string(),
    /** What one unit of weight is, e.g. "£ per crime (2015/16 prices)". */
    unit: z.string(),
    /** Guidance shown beside the table. */
    note: z.string(),
    /** Weight by police.uk crime type or local issue id. */
    weights: z.record(z.string(), z.number().finite().nonnegative({ error: 'a weight cannot be negative' })),
  })
  .refine((t) => Object.keys(t.weights).length === 0 || t.source.trim() !== '', {
    path: ['source'],
    error: 'name the source of the weights (title, publisher, year and table) before entering any',
  });
export type WeightTable = z.infer<typeof WeightTable>;

export const WeightTables = z.object({ harm: WeightTable, cost: WeightTable });
export type WeightTables = z.infer<typeof WeightTables>;

export const DEFAULT_WEIGHT_TABLES: WeightTables = {
  harm: {
    kind: 'harm',
    name: 'Harm weights',
    source: '',
    unit: '',
    note: 'Empty on purpose: no published harm weights exist for police.uk’s categories. A common source is the Office for National Statistics’ Crime Severity Score (experimental statistics), whose data tables give a weight per offence, based on the sentences courts hand down for it. Each police.uk category groups many offences, so enter, for each category, a weight you derive from those tables (for example the volume-weighted mean of its offences’ weights), and record the edition, table and method in Source.',
    weights: {},
  },
  cost: {
    kind: 'cost',
    name: 'Cost weights',
    source: '',
    unit: '',
    note: 'Empty on purpose: no published unit costs exist for police.uk’s categories. The usual source is the Home Office’s “The economic and social costs of crime”, second edition (Heeks, Reed, Tafsiri and Prince, Research Report 99, July 2018), which gives a unit cost per offence type. police.uk categories group several of those offences (and Anti-social behaviour is not costed there), so enter the £ per crime you derive for each category, with the report’s table, price year and your mapping in Source.',
    weights: {},
  },
};

export const Weighted = z.object({
  /** Σ count × weight, or null when any counted type has no weight. */
  value: z.number().nullable(),
  /** Crime types (or local issue ids) counted but without a weight. */
  missing: z.array(z.string()),
  parts: z.array(z.object({ key: z.string(), count: z.number(), weight: z.number().nullable() })),
});
export type Weighted = z.infer<typeof Weighted>;

/**
 * A weighted volume: Σ count × weight over the crime types an issue counts.
 * Incomplete weights give no value (a partial sum would understate the issue
 * against others), and name what is missing.
 *
 * @example weightedVolume([{ key: 'Burglary', count: 10 }], { ...table, weights: { Burglary: 2.5 } }).value // 25
 */
export function weightedVolume(counts: readonly { key: string; count: number }[], table: WeightTable): Weighted {
  const parts = counts.map(({ key, count }) => ({ key, count, weight: table.weights[key] ?? null }));
  const missing = parts.filter((p) => p.weight === null).map((p) => p.key);
  const value = missing.length > 0 ? null : parts.reduce((s, p) => s + p.count * p.weight!, 0);
  return { value, missing, parts };
}
