/**
 * Saves text as a file the browser downloads. Nothing leaves the machine: the
 * file is made from a local Blob.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/**
 * An assessment's name as the start of a file name: letters, digits, - and _
 * kept, spaces made hyphens.
 *
 * @example assessmentFileName('Central Bedfordshire 2014-15 (seed)') // 'Central-Bedfordshire-2014-15-seed'
 */
export const assessmentFileName = (name: string): string =>
  name
    .replace(/[^\w\- ]+/g, '')
    .trim()
    .replace(/\s+/g, '-') || 'assessment';

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
