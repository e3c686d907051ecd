#!/usr/bin/env bash
# Dependencies: `npm audit` of the production dependencies must find no high or critical advisory.
# npm asks the registry's advisory endpoint (POST /-/npm/v1/security/advisories/bulk). Where that endpoint
# cannot be reached (this project's build machines answer 405 to every POST to the registry), the check says
# so and passes: it cannot judge. Anywhere the endpoint answers, a high or critical advisory fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."
out="$(npm audit --omit=dev --audit-level=high 2>&1)"
code=$?
if [ $code -eq 0 ]; then
  echo "$out" | tail -n 3
  echo "npm audit: no high or critical advisory in the production dependencies"
  exit 0
fi
if echo "$out" | grep -qE 'audit endpoint returned an error|405 Method Not Allowed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT'; then
  echo "$out" | tail -n 3
  echo "npm audit: the registry's advisory endpoint cannot be reached from here; not judged (see docs/security.md)"
  exit 0
fi
echo "$out"
echo "npm audit: high or critical advisories above"
exit 1
