/// <reference lib="webworker" />
import { expose } from 'comlink';
import { openDataStore } from '../src/data/idb-store';
import { APP_DATABASES, listenForStarts } from '../src/data/changes';
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
// The repeated-ID check (data.repeatedIds) runs in the background: it reads a month only when no page's request is being
// answered and none ended in the last QUIET_MS, so it does not land between the requests of a page being drawn.
const QUIET_MS = 250;
const foreground = new Foreground(QUIET_MS);
const crimeData = store.then((s) => crimeDataLoader(s, { idle: () => foreground.idle() }));
// When an import begins writing, the row columns built for the pages go (they are out of date once it commits),
// so the import's memory does not come on top of theirs; the next request builds what it needs again.
listenForStarts(() => void crimeData.then((loader) => loader.release()), { data: APP_DATABASES.data });
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
