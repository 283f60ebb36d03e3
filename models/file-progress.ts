/** How far a file has been read: `done` of `total` steps, and what is happening in words. */
export interface FileProgress {
  done: number;
  total: number;
  what: string;
}

/** Steps of a project import: read the JSON, check every field, then add the assessment. */
export const PROJECT_STEPS = 3;
