import 'fake-indexeddb/auto';
import { gzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gunzip, ReadCancelled, unzip } from '../../../src/engines/import/archive';
import { openDataStore } from '../../../src/data/idb-store';
import { importFiles, ImportCancelled } from '../../../src/engines/import/importer';
import { decode } from '../../../models/police-uk/crime-batch';
import { sourceFromBytes, sourceFromText } from '../../../src/engines/import/source-file';
import type { DataStore } from '../../../src/data/store';
import { streetCsv, streetRow } from '../../fixtures/police-uk';

let store: DataStore;
let n = 0;
beforeEach(async () => {
  store = await openDataStore(`archive-${++n}-${Date.now()}`);
});
afterEach(() => store.close());

const enc = (s: string) => new TextEncoder().encode(s);
const jan = streetCsv([streetRow(), streetRow({ 'Crime type': 'Robbery' })]);
const feb = streetCsv([streetRow({ Month: '2023-02' })]);
const zeros = (mb: number) => new Uint8Array(mb * 1024 * 1024);

describe('bounded archives (issue 14, defects 4, 5, 9, 11)', () => {
  it('refuses a zip entry that expands past the cap, by name, without holding it', async () => {
    const bomb = zipSync({ 'big.csv': zeros(8), '2023-01-street.csv': enc(jan) });
    const z = await unzip('bomb.zip', bomb, { limits: { entryBytes: 1024 * 1024, totalBytes: 64 * 1024 * 1024 } });
    expect(z.entries.map((e) => e.name)).toEqual(['2023-01-street.csv']);
    expect(z.skipped).toEqual([{ name: 'big.csv', reason: 'expands to more than 1 MB, far more than any police.uk file' }]);
  });

  it('checks cancel inside a gunzip, after every 16 KiB of input, and stops there', async () => {
    // Not timed (the machine is shared): the poll count shows cancel is seen inside the stream, not after it.
    const gz = gzipSync(zeros(64));
    let polls = 0;
    await expect(gunzip('zeros.gz', gz, { limit: 1024 * 1024 * 1024, cancelled: () => ++polls >= 3 })).rejects.toBeInstanceOf(ReadCancelled);
    expect(polls).toBe(3);
    expect(gz.byteLength).toBeGreaterThan(3 * 16 * 1024);
  });

  it('cancels an import inside a zip being expanded', async () => {
    const bomb = zipSync({ 'zeros.csv': zeros(64) });
    let cancelled = false;
    setTimeout(() => (cancelled = true), 20);
    await expect(importFiles(store, [sourceFromBytes('bomb.zip', bomb)], { source: 'import', cancelled: () => cancelled })).rejects.toBeInstanceOf(ImportCancelled);
  });

  it('names a corrupt zip and still imports the other files', async () => {
    const report = await importFiles(store, [sourceFromBytes('broken.zip', enc('PK\u0003\u0004 this is not really a zip')), sourceFromText('2023-01-street.csv', jan)], { source: 'import' });
    expect(report.files.map((f) => [f.name, f.status])).toEqual([
      ['broken.zip', 'failed'],
      ['2023-01-street.csv', 'imported'],
    ]);
    expect(report.files[0]!.message).toMatch(/^broken\.zip /);
    expect((await store.partitions('crime')).map((m) => m.rows)).toEqual([2]);
  });

  it('names an empty zip, and each entry left out of a zip of another zip and a text file', async () => {
    const inner = zipSync({ '2023-01-street.csv': enc(jan) });
    const report = await importFiles(store, [sourceFromBytes('nested.zip', zipSync({ 'inner.zip': inner, 'readme.txt': enc('hello') })), sourceFromBytes('empty.zip', zipSync({}))], {
      source: 'import',
    });
    expect(report.files.map((f) => [f.name, f.status])).toEqual([
      ['nested.zip/inner.zip', 'refused'],
      ['nested.zip/readme.txt', 'refused'],
      ['nested.zip', 'empty'],
      ['empty.zip', 'failed'],
    ]);
    expect(report.files[0]!.message).toBe('Left out: an archive inside the archive is not opened: extract it and import its files.');
    expect(report.files[3]!.message).toMatch(/empty\.zip holds no files/);
  });

  it('names a truncated .gz and a fake one', async () => {
    const gz = gzipSync(enc(jan.repeat(20)));
    const report = await importFiles(
      store,
      [
        sourceFromBytes('2023-01-street.csv.gz', gz.subarray(0, gz.byteLength >> 1)),
        sourceFromBytes('2023-02-street.csv.gz', new Uint8Array([1, 0, 2, 0, 3])),
        sourceFromText('2023-02-street.csv', feb),
      ],
      { source: 'import' },
    );
    expect(report.files.map((f) => [f.name, f.status, f.message])).toEqual([
      ['2023-01-street.csv.gz', 'failed', expect.stringMatching(/^2023-01-street\.csv\.gz (is cut short|is not a readable gzip file)/)],
      ['2023-02-street.csv.gz', 'failed', '2023-02-street.csv.gz is named .gz but is neither gzip data nor text.'],
      ['2023-02-street.csv', 'imported', expect.any(String)],
    ]);
  });

  it('says when the browser has no room left, instead of a blank message', async () => {
    const full = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'commitImport') return () => Promise.reject(new DOMException('', 'QuotaExceededError'));
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    await expect(importFiles(full, [sourceFromText('2023-01-street.csv', jan)], { source: 'import' })).rejects.toThrow(/no room left .* Nothing from the import was stored/);
  });
});

describe('encodings (issue 14, defect 14)', () => {
  it('reads a Windows-1252 file as such and says so', async () => {
    const text = streetCsv([streetRow({ Location: 'On or near Café Street' })]);
    const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0)); // é is 0xE9 in Windows-1252 and Latin-1
    const report = await importFiles(store, [sourceFromBytes('2023-01-street.csv', bytes)], { source: 'import' });
    expect(report.files[0]!.message).toMatch(/Not UTF-8 text: read as Windows-1252/);
    const [meta] = await store.partitions('crime');
    const [data] = await store.partitionData([meta!.key]);
    expect(data!.kind === 'crime' && decode(data!.batch.location)).toEqual(['On or near Café Street']);
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const text = '\ufeff' + streetCsv([streetRow({ Location: 'On or near Café Street' })]);
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 255;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const report = await importFiles(store, [sourceFromBytes('2023-01-street.csv', bytes)], { source: 'import' });
    expect(report.files[0]).toMatchObject({ status: 'imported', accepted: 1 });
    expect(report.files[0]!.message).toMatch(/Read as UTF-16 text/);
  });
});
