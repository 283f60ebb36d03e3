import { css } from 'lit';

/** Shared look for tables, buttons and notes inside components' shadow roots. */
export const baseStyles = css`
  :host {
    display: block;
    font: inherit;
    color: inherit;
  }
  h2,
  h3 {
    font-weight: 600;
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  p {
    margin: 0 0 0.75rem;
    max-width: 75ch;
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    font-size: 0.9rem;
    width: 100%;
  }
  caption {
    text-align: left;
    font-weight: 600;
    font-size: 1rem;
    padding: 0 0 0.4rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.3rem 0.6rem;
    border-bottom: 1px solid var(--rule, #d8dde3);
    vertical-align: top;
  }
  thead th {
    border-bottom: 2px solid var(--ink-2, #5a6573);
    white-space: nowrap;
  }
  td.num,
  th.num {
    text-align: right;
    white-space: nowrap;
  }
  tbody th[scope='row'] {
    white-space: nowrap;
  }
  details > summary {
    cursor: pointer;
    font-weight: 600;
    margin: 0.5rem 0;
  }
  .scroll {
    overflow: auto;
    max-width: 100%;
    /* A long table scrolls inside its box, so its heading row (sticky) stays in view. */
    max-height: max(20rem, calc(100vh - 6rem));
    /* Keeps a focused cell clear of the sticky heading row and first column. */
    scroll-padding: 3.5rem 0 0 min(14rem, 30%);
    /* Holds its visually hidden text too, so that text cannot widen the page beyond the scrolled box. */
    position: relative;
  }
  .scroll:focus-visible {
    outline: 3px solid var(--focus, #ffbf47);
    outline-offset: 1px;
  }
  /* Wide and long tables: the heading row and the first column stay put while the rest scrolls. */
  .scroll > table > thead {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--sticky-bg, #fff);
    box-shadow: inset 0 -2px 0 var(--ink-2, #5a6573);
  }
  @media print {
    .scroll {
      max-height: none;
      overflow: visible;
    }
  }
  .scroll > table > * > tr > :first-child {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--sticky-bg, #fff);
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
    border-radius: 4px;
    border: 1px solid var(--accent, #1d4f91);
    background: var(--accent, #1d4f91);
    color: white;
    cursor: pointer;
  }
  button.secondary {
    background: white;
    color: var(--accent, #1d4f91);
  }
  button.danger {
    background: white;
    color: var(--danger, #a4262c);
    border-color: var(--danger, #a4262c);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  button:focus-visible,
  a:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--focus, #ffbf47);
    outline-offset: 1px;
  }
  .muted {
    color: var(--ink-2, #5a6573);
  }
  .note {
    border-left: 4px solid var(--accent, #1d4f91);
    padding: 0.4rem 0.8rem;
    background: var(--panel, #f3f5f8);
    margin: 0 0 0.5rem;
  }
  .note.warning {
    border-color: var(--warn, #b35c00);
  }
  .note.error {
    border-color: var(--danger, #a4262c);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** A file picker with its label above, and the buttons that act on a file once it is checked (use it, cancel). */
export const fileCheckStyles = css`
  label {
    font-weight: 600;
    display: block;
    margin-bottom: 0.25rem;
  }
  .buttons {
    display: flex;
    gap: 0.5rem;
    margin: 0.5rem 0;
  }
`;
