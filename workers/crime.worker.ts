/// <reference lib="webworker" />
import { expose } from 'comlink';
import { openDataStore } from '../src/data/idb-store';
import { crimeDataLoader } from '../src/engines/crime-source';
import { Foreground } from '../src/engines/foreground';
import { dataApi } from './data-api';
import { evidenceApi } from './evidence-api';
import { hotspotsApi } from './hotspots-api';
import { needApi } from './need-api';

/**
 * The crime engine: the only worker that reads stored crime months. It holds
 * them once (column batches and each month's counts) and answers the Data,
 * Overview, Evidence, Dashboard, Report, Hot spots and Community need pages.
 */
const store = openDataStore();
// The repeated-ID check (data.repeatedIds) runs in the background: it reads a month only while no page's request is being answered.
const foreground = new Foreground();
const crimeData = store.then((s) => crimeDataLoader(s, { idle: () => foreground.idle() }));
const api = foreground.track(
  {
    data: dataApi(crimeData),
    evidence: evidenceApi(store, crimeData),
    hotspots: hotspotsApi(store, crimeData),
    need: needApi(store, crimeData),
  },
  ['data.repeatedIds'],
);
export type CrimeApi = typeof api;
expose(api);
