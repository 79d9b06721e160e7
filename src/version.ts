// Kept in step with package.json by a test.
export const TOOL = { name: 'privacy-lint', version: '0.1.0' } as const;
