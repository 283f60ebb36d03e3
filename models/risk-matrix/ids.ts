/**
 * Stable ids for issues and criteria, made from their labels when they are
 * created and never changed by a rename (scores, weights and later evidence
 * are keyed by them).
 */

function unique(base: string, taken: ReadonlySet<string>, sep: string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${sep}${n}`)) return `${base}${sep}${n}`;
}

/** @example issueIdFor('ASB (Personal)', new Set()) // 'asb-personal' */
export function issueIdFor(label: string, taken: ReadonlySet<string>): string {
  const slug = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return unique(slug === '' ? 'issue' : slug, taken, '-');
}

/** Criterion ids are lower_snake_case and start with a letter (the matrix CSV header uses them). @example criterionIdFor('Cost impact', new Set()) // 'cost_impact' */
export function criterionIdFor(label: string, taken: ReadonlySet<string>): string {
  let slug = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (slug === '') slug = 'criterion';
  else if (!/^[a-z]/.test(slug)) slug = `c_${slug}`;
  return unique(slug, taken, '_');
}
