import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A source file over 300 lines says why in its first lines ("Over 300 lines: …"),
// so a long file is a decision, not an accident (issue 13).
const ROOT = new URL('../../', import.meta.url).pathname;
const LIMIT = 300;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('file length', () => {
  it(`every source file over ${LIMIT} lines gives its reason in its header`, () => {
    const long = ['src', 'models', 'workers', 'scripts'].flatMap(sources).filter((p) => readFileSync(join(ROOT, p), 'utf8').split('\n').length > LIMIT + 1);
    const unexplained = long.filter((p) => !/Over 300 lines: \S/.test(readFileSync(join(ROOT, p), 'utf8').split('\n').slice(0, 5).join('\n')));
    expect(unexplained).toEqual([]);
  });
});
