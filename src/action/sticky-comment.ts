// One comment per pull request, found again by the marker at the start of its body (a reply
// that quotes it starts with "> " and is never taken for ours), updated in place, edited to
// "resolved" when nothing is left. Only the GitHub REST calls behind CommentsApi do I/O.

export interface IssueComment {
  id: number;
  body?: string | null;
}

export interface CommentsApi {
  list(page: number, perPage: number): Promise<IssueComment[]>;
  create(body: string): Promise<IssueComment>;
  update(id: number, body: string): Promise<IssueComment>;
}

export type Desired = { kind: 'report'; body: string } | { kind: 'resolved'; body: string };
export type SyncResult = { action: 'created' | 'updated' | 'unchanged'; id: number } | { action: 'none' };

const PER_PAGE = 100;
// 50 pages = 5,000 comments: more than any pull request we should page through.
const MAX_PAGES = 50;

export async function findSticky(api: CommentsApi, marker: string): Promise<IssueComment | undefined> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await api.list(page, PER_PAGE);
    const mine = comments.find((c) => (c.body ?? '').startsWith(marker));
    if (mine) return mine;
    if (comments.length < PER_PAGE) return undefined;
  }
  return undefined;
}

/** `isResolved` tells whether a body already says resolved, so a clean push does not edit it again. */
export async function syncSticky(api: CommentsApi, marker: string, desired: Desired, isResolved: (body: string) => boolean): Promise<SyncResult> {
  const existing = await findSticky(api, marker);
  if (desired.kind === 'resolved') {
    if (!existing) return { action: 'none' };
    if (isResolved(existing.body ?? '')) return { action: 'unchanged', id: existing.id };
    await api.update(existing.id, desired.body);
    return { action: 'updated', id: existing.id };
  }
  if (!existing) return { action: 'created', id: (await api.create(desired.body)).id };
  if (existing.body === desired.body) return { action: 'unchanged', id: existing.id };
  await api.update(existing.id, desired.body);
  return { action: 'updated', id: existing.id };
}

/** A REST failure as one sentence for a warning: permissions are the usual cause. */
export function explainCommentError(e: unknown): string {
  const status = (e as { status?: number }).status;
  if (status === 403 || status === 404) {
    return `could not write the pull request comment (HTTP ${status}): the token needs "pull-requests: write" (pull requests from forks only get a read-only token). The check result, annotations, summary and SARIF are unaffected.`;
  }
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return `could not write the pull request comment${status ? ` (HTTP ${status})` : ''}: ${message}. The check result, annotations, summary and SARIF are unaffected.`;
}
