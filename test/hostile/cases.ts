import { readFileSync } from 'node:fs';
import { gzipSync, zipSync } from 'fflate';
import { STREET_COLUMNS, type StreetColumn } from '../../models/police-uk/street-row';
import { streetRow } from '../fixtures/police-uk';

/**
 * The hostile corpus: one generator per kind of bad input the workbench has
 * met (issue 14), each with what the import must do with it. The unit suite
 * (hostile.test.ts) runs every case through the importer; the browser suite
 * (test/e2e/hostile.spec.ts) imports a representative set in Chromium.
 */
export interface HostileCase {
  id: string;
  /** Defect number in issue 14. */
  defect: number;
  what: string;
  /** `bombMB`: size of the zip bomb's content (300 against the app's own caps; less with the test's smaller ones). */
  files: (o: { bombMB: number }) => { name: string; bytes: Uint8Array }[];
  /** Per file, in import order: its status and words its message must contain. */
  expect: { name: string | RegExp; status: string; message: RegExp }[];
  /** Rows that must be stored in all, when the case stores anything. */
  stored?: number;
}

const enc = (s: string) => new TextEncoder().encode(s);

/** The fixture's row, in January 2024 with a unique 64-character crime ID per `i`. */
const row = (overrides: Partial<Record<StreetColumn, string>> = {}, i = 0): string[] => streetRow({ 'Crime ID': (i + 1).toString(16).padStart(64, '0'), Month: '2024-01', ...overrides });

/** A police.uk street file of `n` rows of January 2024, each row changed by `edit`. */
export function street(n: number, edit: (cells: string[], i: number) => string[] = (c) => c): string {
  const lines = [STREET_COLUMNS.join(',')];
  for (let i = 0; i < n; i++) lines.push(edit(row({}, i), i).join(','));
  return `${lines.join('\n')}\n`;
}

const WARDS = new URL('../../sample-data/boundaries/ward_E06000032.geojson', import.meta.url);

export const HOSTILE_CASES: HostileCase[] = [
  {
    id: 'stray-quote',
    defect: 3,
    what: 'A 40-row file with an unbalanced quote in row 5',
    files: () => [{ name: '2024-01-bedfordshire-street.csv', bytes: enc(street(40, (c, i) => (i === 4 ? c.map((v) => (v === 'On or near Park Street' ? `"${v}` : v)) : c))) }],
    expect: [{ name: '2024-01-bedfordshire-street.csv', status: 'imported', message: /^39 rows read .* 1 rejected\./ }],
    stored: 39,
  },
  {
    id: 'zip-bomb',
    defect: 4,
    what: 'A zip holding hundreds of MB of zeros as a CSV, beside a good month',
    files: ({ bombMB }) => [{ name: 'bomb.zip', bytes: zipSync({ 'zeros.csv': new Uint8Array(bombMB * 1024 * 1024), '2024-01-bedfordshire-street.csv': enc(street(3)) }, { level: 1 }) }],
    expect: [
      { name: 'bomb.zip/zeros.csv', status: 'refused', message: /expands to more than \d+ MB/ },
      { name: 'bomb.zip/2024-01-bedfordshire-street.csv', status: 'imported', message: /^3 rows read/ },
    ],
    stored: 3,
  },
  {
    id: 'corrupt-zip',
    defect: 5,
    what: 'A damaged zip picked with a good month',
    files: () => [
      { name: 'damaged.zip', bytes: enc('PK\u0003\u0004 not a zip at all') },
      { name: '2024-01-bedfordshire-street.csv', bytes: enc(street(5)) },
    ],
    expect: [
      { name: 'damaged.zip', status: 'failed', message: /^damaged\.zip / },
      { name: '2024-01-bedfordshire-street.csv', status: 'imported', message: /^5 rows read/ },
    ],
    stored: 5,
  },
  {
    id: 'nested-zip',
    defect: 9,
    what: 'A zip holding only another zip and a text file',
    files: () => [{ name: 'outer.zip', bytes: zipSync({ 'inner.zip': zipSync({ 'a.csv': enc(street(2)) }), 'notes.txt': enc('hello') }) }],
    expect: [
      { name: 'outer.zip/inner.zip', status: 'refused', message: /archive inside the archive/ },
      { name: 'outer.zip/notes.txt', status: 'refused', message: /not a CSV or GeoJSON file/ },
      { name: 'outer.zip', status: 'empty', message: /no CSV or GeoJSON file/ },
    ],
  },
  {
    id: 'truncated-gz',
    defect: 11,
    what: 'A .gz cut off half way, and a .gz that is not gzip',
    files: () => {
      const gz = gzipSync(enc(street(500)));
      return [
        { name: '2024-01-bedfordshire-street.csv.gz', bytes: gz.subarray(0, gz.byteLength >> 1) },
        { name: '2023-12-bedfordshire-street.csv.gz', bytes: new Uint8Array([0x50, 0, 0x4b, 0, 1, 2]) },
      ];
    },
    expect: [
      { name: '2024-01-bedfordshire-street.csv.gz', status: 'failed', message: /is cut short/ },
      { name: '2023-12-bedfordshire-street.csv.gz', status: 'failed', message: /named \.gz but is neither gzip data nor text/ },
    ],
  },
  {
    id: 'huge-value',
    defect: 8,
    what: 'A 300 KB value in the Context column of 40 rows',
    files: () => [{ name: '2024-01-bedfordshire-street.csv', bytes: enc(street(40, (c) => c.map((v, j) => (j === 11 ? 'x'.repeat(300_000) : v)))) }],
    expect: [{ name: '2024-01-bedfordshire-street.csv', status: 'imported', message: /^0 rows read .* 40 rejected\./ }],
  },
  {
    id: 'windows-1252',
    defect: 14,
    what: 'A file saved as Windows-1252 with “Café” in a location',
    files: () => [
      {
        name: '2024-01-bedfordshire-street.csv',
        bytes: Uint8Array.from(
          street(4, (c) => c.map((v) => v.replace('Park Street', 'Café Street'))),
          (ch) => ch.charCodeAt(0),
        ),
      },
    ],
    expect: [{ name: '2024-01-bedfordshire-street.csv', status: 'imported', message: /^4 rows read.*read as Windows-1252/ }],
    stored: 4,
  },
  {
    id: 'utf-16',
    defect: 14,
    what: 'A file saved as UTF-16 with a byte-order mark',
    files: () => {
      const text = `\ufeff${street(3)}`;
      const bytes = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        bytes[2 * i] = text.charCodeAt(i) & 255;
        bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
      }
      return [{ name: '2024-01-bedfordshire-street.csv', bytes }];
    },
    expect: [{ name: '2024-01-bedfordshire-street.csv', status: 'imported', message: /^3 rows read.*Read as UTF-16/ }],
    stored: 3,
  },
  {
    id: 'lookalike-types',
    defect: 15,
    what: 'Crime types with a zero-width space, a no-break space and fullwidth letters',
    files: () => [
      {
        name: '2024-01-bedfordshire-street.csv',
        bytes: enc(street(3, (c, i) => c.map((v) => (v === 'Burglary' ? ['Burglary\u200b', 'Ｂｕｒｇｌａｒｙ', 'Burglary\u00a0'][i]! : v)))),
      },
    ],
    expect: [{ name: '2024-01-bedfordshire-street.csv', status: 'imported', message: /read as police\.uk's names/ }],
    stored: 3,
  },
  {
    id: 'month-twice',
    defect: 18,
    what: 'A header with the Month column twice',
    files: () => [
      {
        name: 'twice.csv',
        bytes: enc(
          street(2)
            .replace('Month,', 'Month,Month,')
            .replace(/2024-01,/g, '2024-01,2024-01,'),
        ),
      },
    ],
    expect: [{ name: 'twice.csv', status: 'refused', message: /names “Month” more than once/ }],
  },
  {
    id: 'trailing-comma',
    defect: 20,
    what: 'Every line ending in a comma (an empty last column)',
    files: () => [{ name: '2024-01-bedfordshire-street.csv', bytes: enc(street(2).replace(/\n/g, ',\n')) }],
    expect: [{ name: '2024-01-bedfordshire-street.csv', status: 'imported', message: /^2 rows read \(Jan 2024\); 0 rejected\.$/ }],
    stored: 2,
  },
  {
    id: 'bad-rings',
    defect: 16,
    what: 'Ward GeoJSON with a bow-tie, an unclosed and a degenerate ring',
    files: () => {
      return [{ name: 'wards.geojson', bytes: enc(withBadRings(readFileSync(WARDS, 'utf8'))) }];
    },
    expect: [{ name: 'wards.geojson', status: 'imported', message: /; 3 features rejected\./ }],
  },
];

/** A ward GeoJSON with its first three features given a bow-tie, an unclosed and a degenerate ring (defect 16). */
export function withBadRings(wards: string): string {
  const fc = JSON.parse(wards) as { features: { geometry: unknown }[] };
  fc.features[0]!.geometry = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 50],
        [2, 51],
        [2, 50],
        [0, 51.5],
        [0, 50],
      ],
    ],
  };
  fc.features[1]!.geometry = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 50],
        [1, 51],
        [1, 50],
        [0.5, 50.2],
      ],
    ],
  };
  fc.features[2]!.geometry = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 50],
        [1, 51],
        [0, 50],
        [1, 51],
        [0, 50],
      ],
    ],
  };
  return JSON.stringify(fc);
}
