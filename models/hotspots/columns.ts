/**
 * The hot-spot engine's columns numbered once per stored-data version (map
 * points and police.uk Location text), and each cell's commonest location.
 */

/** Each stored row's map point: `id[i]` numbers row i's (x, y) among `count` distinct points; -1 without coordinates. */
export interface MapPoints {
  id: Int32Array;
  count: number;
}

/** Numbers the distinct (x, y) points of the stored rows (once per stored-data version, like the projection). */
export function numberPoints(x: ArrayLike<number>, y: ArrayLike<number>): MapPoints {
  const byX = new Map<number, Map<number, number>>();
  const id = new Int32Array(x.length);
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) {
      id[i] = -1;
      continue;
    }
    let byY = byX.get(xi);
    if (byY === undefined) byX.set(xi, (byY = new Map()));
    let at = byY.get(yi);
    if (at === undefined) byY.set(yi, (at = count++));
    id[i] = at;
  }
  return { id, count };
}

/** A text column numbered once: `texts[codes[i]]` is row i's text; -1 for an empty one. */
export interface CodedText {
  codes: Int32Array;
  texts: readonly string[];
}

/** Numbers a text column (once per stored-data version, like the projection). @example codeText(['a', '', 'a']).codes // [0, -1, 0] */
export function codeText(text: ArrayLike<string>): CodedText {
  const codeOf = new Map<string, number>();
  const texts: string[] = [];
  const codes = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const t = text[i]!;
    if (t === '') {
      codes[i] = -1;
      continue;
    }
    let code = codeOf.get(t);
    if (code === undefined) {
      code = texts.length;
      codeOf.set(t, code);
      texts.push(t);
    }
    codes[i] = code;
  }
  return { codes, texts };
}

const isCoded = (t: ArrayLike<string> | CodedText): t is CodedText => 'codes' in t && 'texts' in t;

/**
 * Each cell's most frequent text among its rows (ties: first alphabetically):
 * each cell's rows are tallied in one scratch array that is cleared after the
 * cell, so the work is linear in rows.
 */
export function commonestByCell(members: readonly Int32Array[], location: ArrayLike<string> | CodedText): { text: string; count: number }[] {
  let codes: Int32Array;
  let texts: readonly string[];
  if (isCoded(location)) ({ codes, texts } = location);
  else {
    // Only the analysed rows' texts are numbered.
    const all = new Int32Array(members.reduce((a, m) => a + m.length, 0));
    let k = 0;
    for (const m of members) for (const i of m) all[k++] = i;
    const coded = codeText(Array.from(all, (i) => location[i]!));
    codes = new Int32Array(location.length).fill(-1);
    all.forEach((i, j) => (codes[i] = coded.codes[j]!));
    texts = coded.texts;
  }
  const tally = new Int32Array(texts.length);
  return members.map((rows) => {
    let best = -1;
    for (const i of rows) {
      const code = codes[i]!;
      if (code < 0) continue;
      const c = ++tally[code]!;
      if (best < 0 || c > tally[best]! || (c === tally[best]! && texts[code]! < texts[best]!)) best = code;
    }
    const out = best < 0 ? { text: '', count: 0 } : { text: texts[best]!, count: tally[best]! };
    for (const i of rows) if (codes[i]! >= 0) tally[codes[i]!] = 0;
    return out;
  });
}
