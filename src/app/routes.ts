import { html, type TemplateResult } from 'lit';
import '../pages/data-page';
import '../pages/overview-page';
import '../pages/evidence-page';
import '../pages/need-page';
import '../pages/hotspots-page';
import '../pages/matrix-page';
import '../pages/priorities-page';
import '../pages/sensitivity-page';
import '../pages/dashboard-page';
import '../pages/report-page';

/** A page of the workbench, addressed as #/<path>. */
export interface Route {
  path: string;
  label: string;
  render(): TemplateResult;
}

/**
 * The pages, in the order of the work: load and check the data, gather the
 * evidence (issues, performance, places), score and rank, test the ranking,
 * then write it up. Each feature adds its page here.
 */
export const ROUTES: readonly Route[] = [
  { path: 'data', label: 'Data', render: () => html`<csp-data-page></csp-data-page>` },
  { path: 'overview', label: 'Overview', render: () => html`<csp-overview-page></csp-overview-page>` },
  { path: 'evidence', label: 'Evidence', render: () => html`<csp-evidence-page></csp-evidence-page>` },
  { path: 'dashboard', label: 'Dashboard', render: () => html`<csp-dashboard-page></csp-dashboard-page>` },
  { path: 'need', label: 'Community need', render: () => html`<csp-need-page></csp-need-page>` },
  { path: 'hotspots', label: 'Hot spots', render: () => html`<csp-hotspots-page></csp-hotspots-page>` },
  { path: 'matrix', label: 'Risk matrix', render: () => html`<csp-matrix-page></csp-matrix-page>` },
  { path: 'priorities', label: 'Priorities', render: () => html`<csp-priorities-page></csp-priorities-page>` },
  { path: 'sensitivity', label: 'Sensitivity', render: () => html`<csp-sensitivity-page></csp-sensitivity-page>` },
  { path: 'report', label: 'Report', render: () => html`<csp-report-page></csp-report-page>` },
];

/** @example routeFromHash('#/overview').label // 'Overview' */
export function routeFromHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
  return ROUTES.find((r) => r.path === path) ?? ROUTES[0]!;
}
