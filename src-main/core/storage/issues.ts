import type { z } from 'zod';

/** `cases[12].events[3].at`: the path a person can find in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** The first few problems of a failed parse, each as `path: message`. */
export function formatIssues(error: z.ZodError, max = 3, prefix: readonly PropertyKey[] = []): string {
  const shown = error.issues.slice(0, max).map((issue) => `${formatPath([...prefix, ...issue.path])}: ${issue.message}`);
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}
