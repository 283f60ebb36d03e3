import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { csvParse } from 'd3-dsv';

/** The embedded sample's folder, read by the tests independently of the app. */
export const SAMPLE = fileURLToPath(new URL('../../sample-data/', import.meta.url));
const crimeFiles = readdirSync(`${SAMPLE}police-uk`).filter((f) => f.endsWith('.csv.gz'));

/** Sample rows read independently of the app: gunzip in Node, parse with d3-dsv, Luton rows only. */
const sampleRows = crimeFiles.flatMap((f) =>
  csvParse(gunzipSync(readFileSync(`${SAMPLE}police-uk/${f}`)).toString('utf8'))
    .filter((r) => /^Luton \d{3}[A-Z]$/.test(r['LSOA name'] ?? ''))
    .map((r) => ({ file: f, month: r['Month']!, crimeType: r['Crime type']! })),
);

/** Luton rows of the sample per crime type in the months from..to (YYYY-MM). */
export function countByType(from: string, to: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of sampleRows) if (r.month >= from && r.month <= to) out.set(r.crimeType, (out.get(r.crimeType) ?? 0) + 1);
  return out;
}
