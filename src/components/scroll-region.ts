import { nothing } from 'lit';
import { AsyncDirective, directive, type PartInfo, PartType, type ElementPart } from 'lit/async-directive.js';

/**
 * Makes a `.scroll` box a labelled region a keyboard can scroll: `role="region"`,
 * named after its table's caption (or the label given), and in the Tab order
 * while its content overflows it (WCAG 2.1.1; axe: scrollable-region-focusable).
 *
 * @example html`<div class="scroll" ${scrollRegion()}><table><caption>Datasets</caption>…</table></div>`
 */
class ScrollRegion extends AsyncDirective {
  private el: HTMLElement | undefined;
  private observer: ResizeObserver | undefined;
  private label: string | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('scrollRegion() goes on an element');
  }

  render(_label?: string) {
    return nothing;
  }

  override update(part: ElementPart, [label]: [string?]) {
    this.el = part.element as HTMLElement;
    this.label = label;
    this.el.setAttribute('role', 'region');
    this.watch();
    return nothing;
  }

  private watch() {
    if (this.el === undefined) return;
    if (this.observer === undefined && typeof ResizeObserver !== 'undefined') {
      this.observer = new ResizeObserver(() => this.refresh());
      this.observer.observe(this.el);
    }
    // The caption and table are rendered after this part: name the region once they are there. Whether
    // it overflows is read only when the observer reports a size (after layout), never in the middle of
    // rendering, which would make the browser lay out the page once per table.
    queueMicrotask(() => this.name());
    if (this.observer === undefined) queueMicrotask(() => this.refresh());
  }

  /** Names the region after its table's caption (no layout needed) and watches the table's size too. */
  private name(): HTMLTableElement | null {
    const el = this.el;
    if (el === undefined) return null;
    const table = el.querySelector('table');
    if (table !== null) this.observer?.observe(table);
    const name = this.label ?? table?.caption?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (name !== '' && el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
    return table;
  }

  private refresh() {
    const el = this.el;
    if (el === undefined) return;
    this.name();
    const overflows = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    if (overflows) el.setAttribute('tabindex', '0');
    else if (!el.contains((el.getRootNode() as Document | ShadowRoot).activeElement)) el.removeAttribute('tabindex');
  }

  protected override disconnected() {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected override reconnected() {
    this.watch();
  }
}

export const scrollRegion = directive(ScrollRegion);
