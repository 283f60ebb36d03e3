import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layout issue 13 asked for, checked on every run so it stays true:
// models/ is pure; components take properties and send events (their page
// owns the IO); the stores in src/data/ never reach into the engines or the
// workers; the workers only expose engines.
const ROOT = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Import {
  file: string;
  /** The module as written, or its path from the repository's root when relative. */
  target: string;
  typeOnly: boolean;
}

/** Every import and re-export of a file, with relative paths resolved from the root. */
function imports(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'/gm)].map((m) => {
    const spec = m[2]!;
    const target = spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec;
    return { file, target, typeOnly: m[1] !== undefined };
  });
}

const where = (list: Import[]) => list.map((i) => `${i.file} → ${i.target}`);

describe('layout', () => {
  it('reads the imports it checks (a broken reader would pass everything)', () => {
    const shell = imports('src/app/app-shell.ts');
    expect(shell.some((i) => i.target === 'lit' && !i.typeOnly)).toBe(true);
    expect(shell.some((i) => i.target === 'src/app/page-io')).toBe(true);
    expect(imports('src/app/context.ts').some((i) => i.target === 'src/data/store' && i.typeOnly)).toBe(true);
  });

  it('models/ is pure: it imports only itself, zod, arquero and proj4 (no browser, store or worker)', () => {
    const allowed = /^(models\/|zod$|arquero$|proj4$)/;
    expect(
      where(
        sources('models')
          .flatMap(imports)
          .filter((i) => !allowed.test(i.target)),
      ),
    ).toEqual([]);
  });

  it('shared maths (models/stats) and geometry (models/geo) stand on their own: they import no product domain', () => {
    const allowed = /^(models\/(stats|geo)\/|models\/format$|zod$|proj4$)/;
    const list = [...sources('models/stats'), ...sources('models/geo')].flatMap(imports).filter((i) => !allowed.test(i.target));
    expect(where(list)).toEqual([]);
  });

  it('components hold no store or worker: they take properties and ask their page (page-requests)', () => {
    // Workbench state (the versions and the area) they may read; the services (stores and workers) they may not.
    const runtime = sources('src/components')
      .flatMap(imports)
      .filter((i) => !i.typeOnly && /^(workers\/|src\/engines\/|src\/app\/page-io$|comlink$|idb$)|^src\/data\/(idb-store|.*-store|store|changes)$/.test(i.target));
    expect(where(runtime)).toEqual([]);
    const consumers = sources('src/components').filter((f) => /servicesContext/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(consumers).toEqual([]);
  });

  it('src/data/ holds the stores: it never imports an engine, a worker, the app or a component', () => {
    const list = sources('src/data')
      .flatMap(imports)
      .filter((i) => !i.typeOnly && /^(workers\/|src\/(engines|app|components|pages)\/)/.test(i.target));
    expect(where(list)).toEqual([]);
  });

  it('engines run in workers and in-process tests alike: they import no page, component or worker entry', () => {
    const list = sources('src/engines')
      .flatMap(imports)
      .filter((i) => /^(workers\/|src\/(app|components|pages)\/)/.test(i.target));
    expect(where(list)).toEqual([]);
  });

  it('workers only expose engines and stores: they import no page, component or app module', () => {
    const list = sources('workers')
      .flatMap(imports)
      .filter((i) => /^src\/(app|components|pages|charts)\//.test(i.target));
    expect(where(list)).toEqual([]);
  });
});
