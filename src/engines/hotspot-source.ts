import { analyseHotspots, codeText, numberPoints, type CodedText, type HotspotAnalysis, type MapPoints } from '../../models/hotspots/analysis';
import type { BngArea } from '../../models/hotspots/grid';
import { projectColumns } from '../../models/geo/projection';
import { outlinesOf, projectGeometry, resultOf, type CellTrace, type HotspotResult } from '../../models/hotspots/result';
import type { HotspotSettings } from '../../models/hotspots/schema';
import { resolveLadCode } from '../../models/need/geography';
import { addMonths, monthRange } from '../../models/months';
import { crimeDataLoader, type CrimeSource } from './crime-source';
import type { DataStore } from '../data/store';

interface Analysed {
  analysis: HotspotAnalysis;
  result: HotspotResult;
}

/** Analyses kept for a later visit (the Report shows up to this many priorities' hot spots). */
const KEPT_ANALYSES = 8;

/** What the Hot spots page needs before it can ask for an analysis. */
export interface HotspotSetup {
  area: string;
  /** Stored months with the area's rows, oldest first. */
  months: string[];
  /** The ward boundary file used, or null when none is loaded for the area. */
  wardFile: string | null;
  wards: number;
}

interface Columns {
  lad: string[];
  month: string[];
  crimeType: string[];
  location: string[];
  /** The locations numbered once per store version, for the commonest location of each cell. */
  locationCodes: CodedText;
  file: string[];
  line: Uint32Array;
  lsoaCode: string[];
  lsoaName: string[];
  x: Float64Array;
  y: Float64Array;
  /** The distinct map points, numbered once per store version. */
  points: MapPoints;
  /** The months with rows, oldest first. */
  months: string[];
}

/**
 * The hot-spot engine's data: the partnership's stored crime rows projected
 * to British National Grid once per store version, the partnership's wards in BNG, and
 * the last few analyses (the Report asks for one per top priority; a trace
 * lists the rows its table counted).
 *
 * @example const src = hotspotSource(store); await src.analyse('Luton', settings, ['Shoplifting'])
 */
export function hotspotSource(store: DataStore, crimeData: CrimeSource = crimeDataLoader(store)) {
  let cols: { key: string; c: Promise<Columns> } | undefined;
  let wards: { key: string; w: Promise<{ areas: BngArea[]; file: string | null }> } | undefined;
  /** Recent analyses by their request, least recently used first. */
  const recent = new Map<string, Analysed>();
  const remember = (key: string, entry: Analysed): Analysed => {
    recent.delete(key);
    recent.set(key, entry);
    while (recent.size > KEPT_ANALYSES) recent.delete(recent.keys().next().value!);
    return entry;
  };
  // An import has begun: the projected rows and the analyses made from them go, and come back on the next request.
  crimeData.onRelease?.(() => {
    cols = undefined;
    recent.clear();
  });

  /** The area's rows only (split by authority at import), projected once per store version. */
  async function columns(area: string): Promise<Columns> {
    const key = `${await store.version()}|${area}`;
    if (cols?.key !== key) {
      const c = crimeData().then(async (data) => {
        const r = await data.areaColumns(area);
        const { x, y } = projectColumns(r.longitude, r.latitude);
        return {
          lad: r.lad,
          month: r.month,
          crimeType: r.crimeType,
          location: r.location,
          locationCodes: codeText(r.location),
          file: r.file,
          line: r.line,
          lsoaCode: r.lsoaCode,
          lsoaName: r.lsoaName,
          x,
          y,
          points: numberPoints(x, y),
          months: [...new Set(r.month)].sort(),
        };
      });
      cols = { key, c };
      c.catch(() => (cols = undefined));
    }
    return cols.c;
  }

  async function wardsOf(area: string) {
    const key = `${await store.version()}|${area}`;
    if (wards?.key !== key) {
      const w = (async () => {
        const metas = await store.partitions();
        const lsoa = (await store.partitionData(metas.filter((m) => m.kind === 'lsoa21' || m.kind === 'lsoa11').map((m) => m.key))).flatMap((d) =>
          d.kind === 'lsoa21' || d.kind === 'lsoa11' ? d.areas : [],
        );
        const lad = resolveLadCode(
          area,
          metas.filter((m) => m.kind === 'imd1' || m.kind === 'imd2' || m.kind === 'imd6'),
          lsoa,
        );
        const meta = metas.find((m) => m.key === `ward|${lad}`);
        if (meta === undefined) return { areas: [], file: null };
        const data = await store.partitionData([meta.key]);
        const areas = data.flatMap((d) => (d.kind === 'ward' ? d.areas : [])).map((a) => ({ code: a.code, name: a.name, geometry: projectGeometry(a.geometry) }));
        return { areas, file: meta.fileName };
      })();
      wards = { key, w };
      w.catch(() => (wards = undefined));
    }
    return wards.w;
  }

  async function setup(area: string): Promise<HotspotSetup> {
    const [c, w] = await Promise.all([columns(area), wardsOf(area)]);
    // The columns hold the area's rows only, so their months are the area's.
    return { area, months: c.months, wardFile: w.file, wards: w.areas.length };
  }

  /** An analysis with what a trace needs, worked out or remembered. */
  async function analysed(area: string, settings: HotspotSettings, crimeTypes: readonly string[]): Promise<Analysed> {
    const key = JSON.stringify([await store.version(), area, settings, crimeTypes]);
    const known = recent.get(key);
    if (known !== undefined) return remember(key, known);
    const [c, w, s] = await Promise.all([columns(area), wardsOf(area), setup(area)]);
    if (w.areas.length === 0) throw new Error(`no ward boundaries are loaded for ${area}: load its ward GeoJSON on the Data page`);
    const latest = s.months.at(-1);
    if (latest === undefined) throw new Error(`no stored police.uk rows for ${area}`);
    const end = settings.period.end ?? latest;
    const window = monthRange(addMonths(end, -(settings.period.months - 1)), end);
    const withData = window.filter((m) => s.months.includes(m));
    const monthIndex = new Map(withData.map((m, i) => [m, i]));
    const types = new Set(crimeTypes);
    const rows: number[] = [];
    const monthOfRow: number[] = [];
    for (let i = 0; i < c.lad.length; i++) {
      if (c.lad[i] !== area || !types.has(c.crimeType[i]!)) continue;
      const m = monthIndex.get(c.month[i]!);
      if (m === undefined) continue;
      rows.push(i);
      monthOfRow.push(m);
    }
    const t0 = performance.now();
    const analysis = analyseHotspots({
      x: c.x,
      y: c.y,
      rows,
      monthOfRow,
      months: withData,
      location: c.locationCodes,
      points: c.points,
      areas: w.areas,
      cellSize: settings.cellSize,
      bandwidth: settings.bandwidth,
      neighbourCells: settings.neighbourCells,
    });
    const ms = performance.now() - t0;
    const result = resultOf(analysis, { area, crimeTypes: [...crimeTypes], gaps: window.filter((m) => !monthIndex.has(m)), wards: outlinesOf(w.areas), ms });
    return remember(key, { analysis, result });
  }

  async function analyse(area: string, settings: HotspotSettings, crimeTypes: readonly string[]): Promise<HotspotResult> {
    return (await analysed(area, settings, crimeTypes)).result;
  }

  /** The source rows of one cell of an analysis, a page at a time. */
  async function trace(area: string, settings: HotspotSettings, crimeTypes: readonly string[], cellId: string, offset: number, limit: number): Promise<CellTrace> {
    // Its own analysis, not whichever ran last (the Report asks for several at once).
    const { analysis } = await analysed(area, settings, crimeTypes);
    const i = analysis.cells.findIndex((cell) => cell.id === cellId);
    if (i < 0) throw new Error(`no cell ${cellId} in this analysis`);
    const c = await columns(area);
    const members = analysis.rowsOfCell[i]!;
    const items = [...members.slice(offset, offset + limit)].map((r) => ({
      file: c.file[r]!,
      line: c.line[r]!,
      month: c.month[r]!,
      crimeType: c.crimeType[r]!,
      location: c.location[r]!,
      lsoaCode: c.lsoaCode[r]!,
      lsoaName: c.lsoaName[r]!,
    }));
    return { cell: analysis.cells[i]!, total: members.length, offset, items };
  }

  return { setup, analyse, trace };
}
