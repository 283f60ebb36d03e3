import { html, type TemplateResult } from 'lit';

/** A page of the workbench, addressed as #/<path>. */
export interface Route {
  path: string;
  label: string;
  /** Loads the page's module (its own chunk), defining its element. */
  load(): Promise<unknown>;
  render(): TemplateResult;
}

/**
 * The pages, in the order of the work: load and check the data, gather the
 * evidence (issues, performance, places), score and rank, test the ranking,
 * then write it up. Each feature adds its page here.
 *
 * Each page is its own chunk, loaded when first opened (`load`): the first
 * page a user sees does not wait for the code of the other eight.
 */
export const ROUTES: readonly Route[] = [
  { path: 'data', label: 'Data', load: () => import('../pages/data-page'), render: () => html`<csp-data-page></csp-data-page>` },
  { path: 'overview', label: 'Overview', load: () => import('../pages/overview-page'), render: () => html`<csp-overview-page></csp-overview-page>` },
  { path: 'evidence', label: 'Evidence', load: () => import('../pages/evidence-page'), render: () => html`<csp-evidence-page></csp-evidence-page>` },
  { path: 'dashboard', label: 'Dashboard', load: () => import('../pages/dashboard-page'), render: () => html`<csp-dashboard-page></csp-dashboard-page>` },
  { path: 'need', label: 'Community need', load: () => import('../pages/need-page'), render: () => html`<csp-need-page></csp-need-page>` },
  { path: 'hotspots', label: 'Hot spots', load: () => import('../pages/hotspots-page'), render: () => html`<csp-hotspots-page></csp-hotspots-page>` },
  { path: 'matrix', label: 'Risk matrix', load: () => import('../pages/matrix-page'), render: () => html`<csp-matrix-page></csp-matrix-page>` },
  { path: 'priorities', label: 'Priorities', load: () => import('../pages/priorities-page'), render: () => html`<csp-priorities-page></csp-priorities-page>` },
  { path: 'sensitivity', label: 'Sensitivity', load: () => import('../pages/sensitivity-page'), render: () => html`<csp-sensitivity-page></csp-sensitivity-page>` },
  { path: 'report', label: 'Report', load: () => import('../pages/report-page'), render: () => html`<csp-report-page></csp-report-page>` },
];

/** @example routeFromHash('#/overview').label // 'Overview' */
export function routeFromHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
  return ROUTES.find((r) => r.path === path) ?? ROUTES[0]!;
}
