#!/usr/bin/env bash
# Long security check (issue 12): Debian's sqlmap against the public API of a running Tỉnh Số.
#
# Starts the app with the demo data on a scratch database of the PostgreSQL server (TEST_DATABASE_URL or
# the local one on 5432), then runs sqlmap in batch mode on every public endpoint that takes parameters:
# report look-up (GET and the portal's POST form), the published-answers list and its filters, content
# lists and search, Open311 GET (lists, one request, updates) and POST (with a key issued for the run),
# the portal's list filters. Fails if sqlmap finds any injectable parameter, or if the server answered a
# request with a 500 (an unhandled error is a finding too).
#
# Depth, chosen to stay within about 5 minutes on two cores: --level 2 (also the Cookie header and more
# payload boundaries), --risk 1 (no OR-based or heavy time-based payloads that could change data), all five
# techniques (B boolean, E error, U union, S stacked, T time with --time-sec 2), --dbms PostgreSQL (the only
# engine: no other dialect's payloads), --skip-waf (zod's 400 answers look like a WAF to its probe).
# Raise SQLMAP_LEVEL / SQLMAP_RISK for a deeper run by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
LEVEL="${SQLMAP_LEVEL:-2}"
RISK="${SQLMAP_RISK:-1}"
command -v sqlmap >/dev/null || { echo "sqlmap is not installed (apt-get install sqlmap)"; exit 1; }

work="$(mktemp -d -t tinhso-sqlmap-XXXXXX)"
db="tinhso_sqlmap_$(head -c 5 /dev/urandom | od -An -tx1 | tr -d ' \n')"
db_url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$SERVER_URL" "$db")"
psql "$SERVER_URL" -qc "create database $db" >/dev/null
# The Open311 key of the demo client app (the POST endpoint needs one to reach the intake).
api_key="o311_sqlmap_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
port="$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
base="http://127.0.0.1:$port"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  psql "$SERVER_URL" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  if [ -n "${SQLMAP_KEEP:-}" ]; then echo "logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== starting the app with demo data on $db (port $port)"
# Own process group (setsid) so the whole npx → tsx → node chain is stopped at the end. Rate limits are
# scaled up: sqlmap sends thousands of requests, and a 429 would hide what the endpoint does.
setsid env PORT="$port" HOST=127.0.0.1 DATA_DIR="$work/data" PUBLIC_URL="$base" DATABASE_URL="$db_url" \
  SEED=demo DEMO_API_KEY="$api_key" ADMIN_PASSWORD='Admin-Sqlmap-2026!' DEMO_PASSWORD='Demo-Sqlmap-2026!' RATE_LIMIT_SCALE=1000 \
  LOG_LEVEL=warn npx tsx src/main.ts >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  curl -fs "$base/readyz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done
curl -fs "$base/readyz" >/dev/null || { echo "the app did not start"; cat "$work/server.log"; exit 1; }

# A real report (code + contact) so that boolean tests have a true page to compare with. Sent through the
# API: reporters' contacts are encrypted in the database, so the clear contact cannot be read back from it.
contact="sqlmap.kiemtra@example.vn"
code="$(curl -fsS -X POST "$base/api/v1/reports" -H 'content-type: application/json' \
  -d '{"categoryCode":"giao_thong_ha_tang","title":"Ổ gà lớn trên đường Hùng Vương","body":"Mặt đường có nhiều ổ gà lớn, nguy hiểm cho người đi xe máy vào ban đêm.","location":{"lat":10.5359,"lon":106.4107},"reporter":{"email":"'"$contact"'"},"consent":true}' |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).trackingCode ?? ""))')"
[ -n "$code" ] || { echo "could not send a sample report"; exit 1; }
# A published answer for the endpoints that show one (the public pages and Open311 show only those).
published="$(psql "$db_url" -Atc "select tracking_code from reports where published_at is not null order by received_at limit 1")"
[ -n "$published" ] || { echo "no published report in the demo data"; exit 1; }
echo "   sample report $code"

# URL-encoded contact (a phone number starts with "+").
contact_q="$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$contact")"

targets=(
  "GET|$base/api/v1/public/reports/lookup?code=$code&contact=$contact_q"
  "GET|$base/api/v1/public/reports?limit=20&category=giao_thong_ha_tang&unit=80&from=2025-01-01&to=2027-12-31&q=duong&before=2027-01-01"
  "GET|$base/api/v1/public/reports/$published*"
  "GET|$base/api/v1/content/search?q=thu+tuc&type=news&from=2024-01-01&to=2027-12-31&page=1&limit=20"
  "GET|$base/api/v1/content/public?type=news&category=tin-tuc&year=2026&issuer=UBND&page=1&limit=20"
  "GET|$base/open311/v2/requests.json?service_code=giao_thong_ha_tang&status=open&start_date=2025-01-01T00:00:00Z&end_date=2027-12-31T00:00:00Z&service_request_id=$published"
  "GET|$base/open311/v2/requests/$published*.json"
  "GET|$base/open311/v2/servicerequestupdates.json?start_date=2025-01-01T00:00:00Z&end_date=2027-12-31T00:00:00Z"
  "POST|$base/open311/v2/requests.json|api_key=$api_key&service_code=giao_thong_ha_tang&lat=10.5359&long=106.4107&description=Den+duong+hong+truoc+cong+truong&email=sqlmap%40example.vn&first_name=Thu&last_name=Nghiem"
  "GET|$base/phan-anh?linh-vuc=giao_thong_ha_tang&khu-vuc=80&tu=2025-01-01&den=2027-12-31&q=duong"
  "GET|$base/tra-cuu?ma=$code"
  "POST|$base/tra-cuu|code=$code&contact=$contact_q"
)

found=0
n=0
start=$(date +%s)
for target in "${targets[@]}"; do
  n=$((n + 1))
  IFS='|' read -r method url data <<<"$target"
  echo "== sqlmap $n/${#targets[@]}: $method ${url#"$base"}"
  args=(-u "$url" --batch --dbms=PostgreSQL --level="$LEVEL" --risk="$RISK" --technique=BEUST --time-sec=2
    --skip-waf --threads=4 --timeout=15 --retries=1 --disable-coloring --output-dir="$work/sqlmap"
    -H "Origin: $base" -H "Accept-Language: vi")
  [ "$method" = POST ] && args+=(--data="$data")
  sqlmap "${args[@]}" >"$work/sqlmap-$n.log" 2>&1 || true
  # sqlmap's verdicts, not its first guesses: "appears to be … injectable" lines are often followed by
  # "false positive or unexploitable injection point detected" (unstable pages, e.g. cached ones).
  if grep -qiE "identified the following injection point|is vulnerable|parameter '[^']*' is '.*' injectable" "$work/sqlmap-$n.log"; then
    echo "   INJECTABLE — sqlmap says:"
    grep -iE "injection point|injectable|Parameter:|Type:|Payload:" "$work/sqlmap-$n.log" | sed 's/^/   /'
    found=1
  elif grep -qiE "connection refused|unable to connect to the target URL|page not found \(404\)|no parameter\(s\) found" "$work/sqlmap-$n.log"; then
    echo "   sqlmap could not test this endpoint:"
    tail -20 "$work/sqlmap-$n.log" | sed 's/^/   /'
    found=1
  else
    tested="$(grep -ciE "testing '" "$work/sqlmap-$n.log" || true)"
    echo "   nothing injectable ($tested tests)"
  fi
done
echo "== sqlmap finished in $(($(date +%s) - start)) s"

if grep -q '"unhandled error"' "$work/server.log"; then
  echo "the server answered 500 (unhandled error) during the run:"
  grep '"unhandled error"' "$work/server.log" | head -5
  found=1
fi
if [ "$found" -ne 0 ]; then
  echo "FAILED: see above"
  exit 1
fi
echo "== sqlmap found nothing injectable in ${#targets[@]} endpoints (level $LEVEL, risk $RISK)"
