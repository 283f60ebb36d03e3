import { z } from 'zod';
import { countField, type ColumnSpec } from './tabular';

/**
 * English Indices of Deprivation 2019 (MHCLG), the three files the workbench
 * reads. Rows are 2011 LSOAs; ranks run 1 (most deprived) to 32,844.
 */

export const LSOA_COUNT_ENGLAND_2011 = 32844;

const rank = (label: string) => countField(label, 1, LSOA_COUNT_ENGLAND_2011);
const decile = (label: string) => countField(label, 1, 10);
const code = (label: string, pattern: RegExp) => z.string().regex(pattern, { error: (i) => `${label} looks wrong: "${String(i.input)}"` });

const ids = {
  lsoa11cd: code('LSOA code', /^E01\d{6}$/),
  lsoa11nm: z.string().min(1, { error: 'LSOA name is empty' }),
  ladcd: code('local authority code', /^E0[6-9]\d{6}$/),
  ladnm: z.string().min(1, { error: 'local authority name is empty' }),
};
const idColumns = [
  { field: 'lsoa11cd', header: 'LSOA code (2011)' },
  { field: 'lsoa11nm', header: 'LSOA name (2011)' },
  { field: 'ladcd', header: 'Local Authority District code (2019)' },
  { field: 'ladnm', header: 'Local Authority District name (2019)' },
] as const;

/** File 1: Index of Multiple Deprivation rank and decile. */
export const ImdFile1Row = z.object({ ...ids, imdRank: rank('IMD rank'), imdDecile: decile('IMD decile') });
export type ImdFile1Row = z.infer<typeof ImdFile1Row>;
export const IMD_FILE1_COLUMNS: readonly ColumnSpec<keyof z.input<typeof ImdFile1Row>>[] = [
  ...idColumns,
  { field: 'imdRank', header: 'Index of Multiple Deprivation (IMD) Rank', prefix: true },
  { field: 'imdDecile', header: 'Index of Multiple Deprivation (IMD) Decile', prefix: true },
];
/** The seven IMD domains, in the order MHCLG publishes them. */
export const IMD_DOMAINS = [
  { id: 'income', label: 'Income', header: 'Income' },
  { id: 'employment', label: 'Employment', header: 'Employment' },
  { id: 'education', label: 'Education, skills and training', header: 'Education, Skills and Training' },
  { id: 'health', label: 'Health deprivation and disability', header: 'Health Deprivation and Disability' },
  { id: 'crime', label: 'Crime', header: 'Crime' },
  { id: 'housing', label: 'Barriers to housing and services', header: 'Barriers to Housing and Services' },
  { id: 'environment', label: 'Living environment', header: 'Living Environment' },
] as const;
export type ImdDomainId = (typeof IMD_DOMAINS)[number]['id'];

const domainShape = Object.fromEntries(
  IMD_DOMAINS.flatMap((d) => [
    [`${d.id}Rank`, rank(`${d.label} rank`)],
    [`${d.id}Decile`, decile(`${d.label} decile`)],
  ]),
) as Record<`${ImdDomainId}Rank` | `${ImdDomainId}Decile`, ReturnType<typeof rank>>;

/** File 2: the IMD and its seven domains, ranks and deciles. */
export const ImdFile2Row = z.object({ ...ids, imdRank: rank('IMD rank'), imdDecile: decile('IMD decile'), ...domainShape });
export type ImdFile2Row = z.infer<typeof ImdFile2Row>;
export const IMD_FILE2_COLUMNS: readonly ColumnSpec<keyof z.input<typeof ImdFile2Row>>[] = [
  ...idColumns,
  { field: 'imdRank', header: 'Index of Multiple Deprivation (IMD) Rank', prefix: true },
  { field: 'imdDecile', header: 'Index of Multiple Deprivation (IMD) Decile', prefix: true },
  ...IMD_DOMAINS.flatMap((d) => [
    { field: `${d.id}Rank` as const, header: `${d.header} Rank`, prefix: true },
    { field: `${d.id}Decile` as const, header: `${d.header} Decile`, prefix: true },
  ]),
];

/**
 * File 5: the scores behind the ranks. Higher is more deprived throughout.
 * Income and Employment are rates (the share of people deprived); Health and
 * Crime are standardised scores and can be negative; the others are scores on
 * their own scale. Unlike ranks, scores can be averaged.
 */
const score = (label: string) =>
  z.string().transform((s, ctx) => {
    const clean = s.trim();
    if (!/^-?(\d+\.?\d*|\.\d+)$/.test(clean)) {
      ctx.addIssue({ code: 'custom', message: `${label} must be a number, found "${s}"` });
      return z.NEVER;
    }
    return Number(clean);
  });
/** File 5's column for each domain score, as MHCLG heads it. */
const SCORE_HEADERS: Record<ImdDomainId, string> = {
  income: 'Income Score (rate)',
  employment: 'Employment Score (rate)',
  education: 'Education, Skills and Training Score',
  health: 'Health Deprivation and Disability Score',
  crime: 'Crime Score',
  housing: 'Barriers to Housing and Services Score',
  environment: 'Living Environment Score',
};
const scoreShape = Object.fromEntries(IMD_DOMAINS.map((d) => [`${d.id}Score`, score(`${d.label} score`)])) as Record<`${ImdDomainId}Score`, ReturnType<typeof score>>;
export const ImdFile5Row = z.object({ ...ids, imdScore: score('IMD score'), ...scoreShape });
export type ImdFile5Row = z.infer<typeof ImdFile5Row>;
export const IMD_FILE5_COLUMNS: readonly ColumnSpec<keyof z.input<typeof ImdFile5Row>>[] = [
  ...idColumns,
  { field: 'imdScore', header: 'Index of Multiple Deprivation (IMD) Score', prefix: true },
  ...IMD_DOMAINS.map((d) => ({ field: `${d.id}Score` as const, header: SCORE_HEADERS[d.id], prefix: true })),
];

/** File 6: population denominators, mid-2015, excluding prisoners. */
export const ImdFile6Row = z.object({
  ...ids,
  population: countField('total population'),
  children: countField('children aged 0-15'),
  aged16to59: countField('population aged 16-59'),
  aged60plus: countField('population aged 60 and over'),
  workingAge: countField('working age population'),
});
export type ImdFile6Row = z.infer<typeof ImdFile6Row>;
export const IMD_FILE6_COLUMNS: readonly ColumnSpec<keyof z.input<typeof ImdFile6Row>>[] = [
  ...idColumns,
  { field: 'population', header: 'Total population: mid 2015', prefix: true },
  { field: 'children', header: 'Dependent Children aged 0-15', prefix: true },
  { field: 'aged16to59', header: 'Population aged 16-59', prefix: true },
  { field: 'aged60plus', header: 'Older population aged 60 and over', prefix: true },
  { field: 'workingAge', header: 'Working age population 18-59/64', prefix: true },
];

export const IMD_FILES = {
  imd1: { label: 'IMD 2019 File 1 (index of multiple deprivation)', columns: IMD_FILE1_COLUMNS, schema: ImdFile1Row },
  imd2: { label: 'IMD 2019 File 2 (domains of deprivation)', columns: IMD_FILE2_COLUMNS, schema: ImdFile2Row },
  imd5: { label: 'IMD 2019 File 5 (scores)', columns: IMD_FILE5_COLUMNS, schema: ImdFile5Row },
  imd6: { label: 'IMD 2019 File 6 (population denominators)', columns: IMD_FILE6_COLUMNS, schema: ImdFile6Row },
} as const;
export type ImdFileKind = keyof typeof IMD_FILES;

/**
 * Which IMD file a header belongs to, trying the richest first (File 2's header
 * also satisfies File 1's).
 */
export function sniffImdHeader(header: readonly string[]): ImdFileKind | undefined {
  const names = header.map((h) => h.trim().toLowerCase());
  const has = (spec: ColumnSpec) => names.some((h) => (spec.prefix ? h.startsWith(spec.header.toLowerCase()) : h === spec.header.toLowerCase()));
  for (const kind of ['imd2', 'imd5', 'imd6', 'imd1'] as const) {
    if (IMD_FILES[kind].columns.every(has)) return kind;
  }
  return undefined;
}

/*
 * Stored forms: what the CSV schemas above produce (numbers, not text), used
 * to validate records read back from storage.
 */
const storedIds = { lsoa11cd: z.string(), lsoa11nm: z.string(), ladcd: z.string(), ladnm: z.string() };
const int = z.number().int();
export const ImdFile1Record = z.object({ ...storedIds, imdRank: int, imdDecile: int });
export const ImdFile2Record = z.object({
  ...storedIds,
  imdRank: int,
  imdDecile: int,
  ...(Object.fromEntries(
    IMD_DOMAINS.flatMap((d) => [
      [`${d.id}Rank`, int],
      [`${d.id}Decile`, int],
    ]),
  ) as Record<`${ImdDomainId}Rank` | `${ImdDomainId}Decile`, typeof int>),
});
export const ImdFile6Record = z.object({ ...storedIds, population: int, children: int, aged16to59: int, aged60plus: int, workingAge: int });
export const ImdFile5Record = z.object({
  ...storedIds,
  imdScore: z.number(),
  ...(Object.fromEntries(IMD_DOMAINS.map((d) => [`${d.id}Score`, z.number()])) as Record<`${ImdDomainId}Score`, z.ZodNumber>),
});
