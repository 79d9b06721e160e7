import { describe, it, expect } from 'vitest';
import { syncSticky, findSticky, explainCommentError, type CommentsApi, type IssueComment } from '../../src/action/sticky-comment.js';

const MARKER = '<!-- privacy-lint:comment path=. -->';

/** An in-memory issue thread that records the calls made to it. */
function thread(initial: IssueComment[]): CommentsApi & { comments: IssueComment[]; calls: string[] } {
  const comments = [...initial];
  const calls: string[] = [];
  let next = 1000;
  return {
    comments,
    calls,
    async list(page, perPage) {
      calls.push(`list ${page}`);
      return comments.slice((page - 1) * perPage, page * perPage);
    },
    async create(body) {
      calls.push('create');
      const c = { id: next++, body };
      comments.push(c);
      return c;
    },
    async update(id, body) {
      calls.push(`update ${id}`);
      comments.find((c) => c.id === id)!.body = body;
      return { id, body };
    },
  };
}

const others = (n: number): IssueComment[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, body: `comment ${i + 1}` }));
const isResolved = (b: string): boolean => b.includes('resolved');

describe('syncSticky', () => {
  it('creates the comment when there is none, then updates that one on the next push', async () => {
    const t = thread(others(3));
    expect(await syncSticky(t, MARKER, { kind: 'report', body: `${MARKER}\nv1` }, isResolved)).toEqual({ action: 'created', id: 1000 });
    expect(await syncSticky(t, MARKER, { kind: 'report', body: `${MARKER}\nv2` }, isResolved)).toEqual({ action: 'updated', id: 1000 });
    expect(t.comments.filter((c) => c.body?.startsWith(MARKER))).toEqual([{ id: 1000, body: `${MARKER}\nv2` }]);
    expect(t.calls).toEqual(['list 1', 'create', 'list 1', 'update 1000']);
  });

  it('pages through long threads to find it', async () => {
    const t = thread([...others(230), { id: 7777, body: `${MARKER}\nold` }]);
    expect(await findSticky(t, MARKER)).toEqual({ id: 7777, body: `${MARKER}\nold` });
    expect(t.calls).toEqual(['list 1', 'list 2', 'list 3']);
  });

  it('does not take a reply that quotes the marker for its own comment', async () => {
    const t = thread([{ id: 5, body: `> ${MARKER}\n> old\n\nI disagree` }]);
    expect(await syncSticky(t, MARKER, { kind: 'report', body: `${MARKER}\nnew` }, isResolved)).toEqual({ action: 'created', id: 1000 });
    expect(t.comments[0]!.body).toBe(`> ${MARKER}\n> old\n\nI disagree`);
  });

  it('leaves an identical comment alone', async () => {
    const t = thread([{ id: 9, body: `${MARKER}\nsame` }]);
    expect(await syncSticky(t, MARKER, { kind: 'report', body: `${MARKER}\nsame` }, isResolved)).toEqual({ action: 'unchanged', id: 9 });
    expect(t.calls).toEqual(['list 1']);
  });

  it('edits the comment to resolved once, and posts nothing when there was no comment', async () => {
    const t = thread([{ id: 9, body: `${MARKER}\n3 findings` }]);
    expect(await syncSticky(t, MARKER, { kind: 'resolved', body: `${MARKER}\nresolved at abc` }, isResolved)).toEqual({ action: 'updated', id: 9 });
    expect(await syncSticky(t, MARKER, { kind: 'resolved', body: `${MARKER}\nresolved at def` }, isResolved)).toEqual({ action: 'unchanged', id: 9 });
    expect(t.comments[0]!.body).toBe(`${MARKER}\nresolved at abc`);
    const empty = thread(others(2));
    expect(await syncSticky(empty, MARKER, { kind: 'resolved', body: `${MARKER}\nresolved` }, isResolved)).toEqual({ action: 'none' });
    expect(empty.calls).toEqual(['list 1']);
  });
});

describe('explainCommentError', () => {
  it.each([
    [Object.assign(new Error('Resource not accessible by integration'), { status: 403 }), /HTTP 403\): the token needs "pull-requests: write" \(pull requests from forks only get a read-only token\)/],
    [Object.assign(new Error('Not Found'), { status: 404 }), /HTTP 404\): the token needs "pull-requests: write"/],
    [Object.assign(new Error('Server Error\nat line 2'), { status: 502 }), /^could not write the pull request comment \(HTTP 502\): Server Error\. The check result/],
    [new Error('connect ECONNREFUSED 127.0.0.1:1'), /^could not write the pull request comment: connect ECONNREFUSED 127\.0\.0\.1:1\./],
  ])('%#', (error, message) => expect(explainCommentError(error)).toMatch(message));
});
