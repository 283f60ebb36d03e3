import { z } from 'zod';
import manifestJson from '../../sample-data/manifest.json';
import type { SampleFile } from '../../workers/import.worker';
import { formatMonth } from '../../models/format';

const Manifest = z.object({
  localAuthority: z.object({ code: z.string(), name: z.string() }),
  files: z.array(z.object({ path: z.string(), bytes: z.number(), sha256: z.string(), rows: z.number() })),
});
const manifest = Manifest.parse(manifestJson);

// Vite turns each sample file into an asset of the build and gives its URL.
const urls = import.meta.glob('../../sample-data/{police-uk,imd2019,boundaries}/*', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** The embedded sample's files the data store loads on a first visit (the risk matrix is read by the matrix views). */
export const SAMPLE_FILES: SampleFile[] = manifest.files
  .filter((f) => !f.path.startsWith('reference/'))
  .map((f) => {
    const url = urls[`../../sample-data/${f.path}`];
    if (url === undefined) throw new Error(`sample file ${f.path} is in the manifest but not in the build`);
    return { name: f.path.split('/').pop()!, url, bytes: f.bytes };
  });

const months = manifest.files
  .map((f) => /police-uk\/(\d{4}-\d{2})-/.exec(f.path)?.[1])
  .filter((m) => m !== undefined)
  .sort();

/** The dataset label: what the sample holds, from its manifest. */
export const SAMPLE_LABEL = `${manifest.localAuthority.name} sample (police.uk street crime ${months.length > 0 ? `${formatMonth(months[0]!)} to ${formatMonth(months[months.length - 1]!)}` : ''}, IMD 2019, ONS boundaries)`;
export const SAMPLE_AUTHORITY = manifest.localAuthority;
