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
    // The caption and table are rendered after this part: read them once they are there.
    queueMicrotask(() => this.refresh());
  }

  private refresh() {
    const el = this.el;
    if (el === undefined) return;
    const table = el.querySelector('table');
    if (table !== null) this.observer?.observe(table);
    const name = this.label ?? table?.caption?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (name !== '' && el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
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
