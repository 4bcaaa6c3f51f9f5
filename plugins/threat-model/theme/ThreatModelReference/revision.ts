/**
 * A policy revision as the page prints it: a commit hash cut to 12
 * characters (as the model pages print it), a tag or branch name whole.
 */
export function shortRevision(revision: string): string {
  return /^[0-9a-f]{13,64}$/i.test(revision) ? revision.slice(0, 12) : revision;
}
