import { Alert } from './alert.js';

/** Shows a failed request's title and detail (from problemText) as an alert. */
export function ProblemAlert({ problem }: { problem: { title: string; detail?: string } | null }) {
  if (!problem) return null;
  return (
    <Alert tone="error" title={problem.title}>
      {problem.detail ? <p>{problem.detail}</p> : null}
    </Alert>
  );
}
