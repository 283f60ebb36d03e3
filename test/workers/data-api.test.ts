import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { dataApi } from '../../workers/data-api';
import { crimeDataLoader } from '../../src/engines/crime-source';
import { openDataStore } from '../../src/data/idb-store';
import { importFiles } from '../../src/engines/import/importer';
import { sourceFromText } from '../../src/engines/import/source-file';
import type { DataStore } from '../../src/data/store';
import { streetCsv, streetRow } from '../fixtures/police-uk';

let store: DataStore;
afterEach(() => store.close());

describe('the data API’s quality notes (the report’s)', () => {
  it('say whether the repeated-ID check had finished, and carry its note once it has', async () => {
    store = await openDataStore(`data-api-${Date.now()}`);
    // Two rows of the same month share a crime ID.
    const rows = streetCsv([streetRow({ 'Crime ID': 'same' }), streetRow({ 'Crime ID': 'same' })]);
    await importFiles(store, [sourceFromText('2023-01-street.csv', rows)], { source: 'import' });
    const api = dataApi(Promise.resolve(crimeDataLoader(store)));
    const before = await api.qualityNotes(null);
    expect(before.complete).toBe(false);
    expect(before.notes.some((n) => n.id === 'duplicate-ids')).toBe(false);
    await api.repeatedIds();
    const after = await api.qualityNotes(null);
    expect(after.complete).toBe(true);
    expect(after.notes.find((n) => n.id === 'duplicate-ids')?.text).toMatch(/^1 crime ID appears on more than one row/);
    // The same notes as the Overview's, which the Report used to take.
    expect(after.notes).toEqual((await api.overview(null)).notes);
  });
});
