import { css } from 'lit';

/** Shared look for rows of labelled controls (labels above their inputs, checkboxes beside theirs). */
export const formStyles = css`
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: end;
    margin: 0.5rem 0;
  }
  label {
    display: grid;
    gap: 0.2rem;
    font-size: 0.9rem;
  }
  label.check {
    display: flex;
    gap: 0.4rem;
    align-items: center;
  }
  input,
  select {
    font: inherit;
    padding: 0.25rem 0.35rem;
  }
  input[type='number'] {
    width: 6rem;
  }
`;
