/**
 * The printed page's margins: the protective marking at the top and bottom
 * centre of every page and "Page n of m" at the bottom right. CSS margin
 * boxes (`@page { @bottom-right { … } }`, Chromium 131 and later) apply only
 * from the document's own style sheets, not from a component's shadow root,
 * so the report page installs this one rule in the document head while it
 * is shown. The browser's Print and "Save as PDF" both use it.
 */

const ID = 'csp-print-page';
const box = 'font: 9pt system-ui, sans-serif; color: #333;';

/** @example printPageCss('OFFICIAL') // '@page { @top-center { content: "OFFICIAL"; … } … }' */
export function printPageCss(marking: string): string {
  const m = marking.replace(/["\\\n]/g, '');
  const mark = m === '' ? '' : `@top-center { content: "${m}"; ${box} font-weight: 700; } @bottom-center { content: "${m}"; ${box} font-weight: 700; }`;
  return `@page { ${mark} @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} } }`;
}

/** Installs (or, with null, removes) the print margins in the document. */
export function setPrintPage(marking: string | null): void {
  let el = document.getElementById(ID);
  if (marking === null) {
    el?.remove();
    return;
  }
  if (el === null) {
    el = document.createElement('style');
    el.id = ID;
    document.head.append(el);
  }
  const css = printPageCss(marking);
  if (el.textContent !== css) el.textContent = css;
}
