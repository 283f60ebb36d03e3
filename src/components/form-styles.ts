import { css } from 'lit';

/** Forms of labelled fields in a row, and figures with their captions, as the sensitivity views lay them out. */
export const formStyles = css`
  form,
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
    margin: 0 0 0.75rem;
  }
  label,
  .field {
    display: grid;
    gap: 0.2rem;
    font-size: 0.9rem;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 0.25rem 0.35rem;
  }
  input[type='number'] {
    width: 6.5rem;
  }
  /* WCAG 2.2 target size (2.5.8): radio buttons and checkboxes at least 24 × 24 px. */
  input[type='radio'],
  input[type='checkbox'] {
    width: 24px;
    height: 24px;
    margin: 0;
    flex: none;
  }
  fieldset {
    border: 1px solid var(--rule, #d8dde3);
    border-radius: 6px;
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem 0.25rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  figure {
    margin: 0 0 1rem;
  }
  figcaption {
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .words {
    max-width: 80ch;
  }
  td.actions {
    white-space: nowrap;
  }
  td.actions button + button {
    margin-left: 0.4rem;
  }
`;
