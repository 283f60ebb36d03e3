/**
 * Stable ids for issues and criteria, made from their labels when they are
 * created and never changed by a rename (scores, weights and later evidence
 * are keyed by them).
 */

function unique(base: string, taken: ReadonlySet<string>, sep: string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${sep}${n}`)) return `${base}${sep}${n}`;
}

function issueSlug(label: string): string {
  const slug = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'issue' : slug;
}

/** @example issueIdFor('ASB (Personal)', new Set()) // 'asb-personal' */
export function issueIdFor(label: string, taken: ReadonlySet<string>): string {
  return unique(issueSlug(label), taken, '-');
}

/**
 * Ids for many issues in a row, each as {@link issueIdFor} gives it against
 * `taken` plus the ids given before it; `taken` grows with each. Linear in
 * the number of issues (calling issueIdFor with a fresh set each time was
 * quadratic: 15 s for a 10,000-issue matrix).
 *
 * @example const next = issueIdAllocator(new Set()); [next('ASB'), next('asb!')] // ['asb', 'asb-2']
 */
export function issueIdAllocator(taken: Set<string> = new Set()): (label: string) => string {
  // The lowest suffix that may still be free, per slug: `taken` only grows, so it never goes down.
  const from = new Map<string, number>();
  return (label) => {
    const base = issueSlug(label);
    let id = base;
    if (taken.has(base)) {
      let n = from.get(base) ?? 2;
      while (taken.has(`${base}-${n}`)) n++;
      from.set(base, n + 1);
      id = `${base}-${n}`;
    }
    taken.add(id);
    return id;
  };
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
