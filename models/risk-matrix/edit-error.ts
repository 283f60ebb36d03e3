/**
 * An edit the model refuses, with a sentence the user can act on
 * ("“Likelihood” is the likelihood of the harm × likelihood aggregation …").
 * The UI shows `message` as it is; anything else thrown is a bug.
 */
export class EditError extends Error {
  override readonly name = 'EditError';
}
