/**
 * Files from a drag-and-drop, including the contents of dropped folders (a
 * year of police.uk downloads is a folder of month folders).
 */
export async function filesFromDrop(dt: DataTransfer): Promise<File[]> {
  const entries = [...dt.items]
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry?.() ?? null)
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return [...dt.files];
  const out: File[] = [];
  for (const e of entries) await walk(e, out);
  return out;
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    out.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most 100 entries a call; keep asking until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}

/** Keeps only files the importer can read; hidden files and others are left out, by name. */
export function importable(files: readonly File[]): { files: File[]; skipped: string[] } {
  const ok = /\.(csv|zip|geojson|json)(\.gz)?$/i;
  const keep: File[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    if (ok.test(f.name) && !f.name.startsWith('.')) keep.push(f);
    else skipped.push(f.name);
  }
  return { files: keep.sort((a, b) => a.name.localeCompare(b.name)), skipped };
}
