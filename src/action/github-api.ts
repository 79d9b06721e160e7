// The REST calls behind the sticky comment, through the toolkit's Octokit: it talks only to
// GITHUB_API_URL (the API host of this run) and honours the runner's proxy settings.
import { getOctokit } from '@actions/github';
import type { CommentsApi } from './sticky-comment.js';

export function issueComments(token: string, owner: string, repo: string, issueNumber: number): CommentsApi {
  const octokit = getOctokit(token);
  return {
    list: async (page, perPage) => (await octokit.rest.issues.listComments({ owner, repo, issue_number: issueNumber, per_page: perPage, page })).data,
    create: async (body) => (await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body })).data,
    update: async (id, body) => (await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data,
  };
}
