import { z } from 'zod';

/** A rejected input row: where it is and why, in words an analyst can act on. */
export const RowProblem = z.object({
  /** 1-based physical line in the source file (the header is line 1). */
  line: z.number().int().positive(),
  /** The column as named in the file, or "(whole row)". */
  column: z.string(),
  reason: z.string(),
  /** The offending value, truncated to 200 characters. */
  value: z.string(),
  /** The row's month, when it could be read. */
  month: z.string().optional(),
});
export type RowProblem = z.infer<typeof RowProblem>;
