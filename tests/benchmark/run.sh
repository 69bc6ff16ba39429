#!/usr/bin/env bash
# The performance benchmark (not part of `dotnet test`): seeds the LARGE demo dataset (20,000 tenancies, 100,000
# repairs, about 2 million rent lines) into a temporary SQLite file, starts the published app in Production mode on
# loopback, signs in as the demo tenant and the demo officer, and drives load with wrk over the tenant dashboard, the
# rent statement, the repairs list, the officers' repairs queue and, for comparison, a static file served by the same
# app. See docs/performance.md.
#
# Settings (environment variables):
#   DURATION=15s THREADS=2 CONNECTIONS=16   wrk settings for each measured run
#   WARMUP=3s                               an unmeasured wrk run per URL first (JIT, caches)
#   PORT=5180                               the loopback port the app listens on
#   BENCHMARK_DB=/path/large.db             keep the seeded database here and reuse it next time (seeding takes
#                                           minutes); by default a temporary file, deleted at the end
#   SKIP_BUILD=1                            reuse the app already published in artifacts/benchmark/app
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
here="$repo/tests/benchmark"
out_dir="$repo/artifacts/benchmark"
app_dir="$out_dir/app"
duration="${DURATION:-15s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-16}"
warmup="${WARMUP:-3s}"
port="${PORT:-5180}"
base="http://127.0.0.1:$port"
mkdir -p "$out_dir"

work="$(mktemp -d /tmp/tenantportal-benchmark-XXXXXX)"
db="${BENCHMARK_DB:-$work/large.db}"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

log() { printf '[benchmark] %s\n' "$*" >&2; }

# 1. wrk (Debian package).
if ! command -v wrk >/dev/null 2>&1; then
  log "Installing wrk (Debian package)..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wrk >/dev/null
fi
for tool in curl python3 dotnet; do
  command -v "$tool" >/dev/null 2>&1 || { log "$tool is required"; exit 1; }
done

# 2. Publish in Release.
if [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f "$app_dir/TenantPortal.Web.dll" ]; then
  log "Publishing the app in Release to $app_dir..."
  dotnet publish "$repo/src/TenantPortal.Web" -c Release -o "$app_dir" --nologo -v quiet >"$out_dir/publish.log" 2>&1 \
    || { cat "$out_dir/publish.log" >&2; exit 1; }
fi

# Runs the published app in the background with the given environment; sets app_pid.
start_app() {
  local environment="$1" logfile="$2"
  shift 2
  (
    cd "$app_dir"
    exec env ASPNETCORE_ENVIRONMENT="$environment" ASPNETCORE_URLS="$base" \
      ConnectionStrings__Housing="Data Source=$db" ConnectionStrings__Portal="Data Source=$db" \
      Logging__FileFolder="$work/logs" Email__PickupDirectory="$work/emails" \
      "$@" dotnet TenantPortal.Web.dll
  ) >"$logfile" 2>&1 &
  app_pid=$!
  local waited=0
  until curl -fs -o /dev/null "$base/health/live"; do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      log "The app stopped during start-up ($environment); its log:"
      tail -n 40 "$logfile" >&2
      exit 1
    fi
    sleep 2
    waited=$((waited + 2))
    if [ "$waited" -gt 1800 ]; then log "The app did not start within 30 minutes"; exit 1; fi
  done
}

stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

# 3. Seed the large dataset. Production refuses to create demo data (StartupConfigurationValidator), so the data is
# created by the app started once in Development (DemoData:Seed=true, DemoData:Scale=Large), which stops as soon as
# it listens. Production then runs on that ready-made file with DemoData:Seed=false, as it would on a landlord's
# existing database. The demo accounts it signs in with are the ones in README.md.
if [ -f "$db" ]; then
  log "Reusing the seeded database $db"
else
  log "Seeding the large dataset into $db (takes a few minutes)..."
  seed_start=$(date +%s)
  start_app Development "$work/seed.log" DemoData__Seed=true DemoData__Scale=Large
  stop_app
  log "Seeded in $(( $(date +%s) - seed_start ))s ($(du -h "$db" | cut -f1))"
fi

# 4. Production mode. The start-up validator requires SMTP delivery and a host (nothing is emailed during the run:
# signing in queues no email) and an https Accounts:PublicBaseUrl for links in emails (never followed here); no
# Stripe keys, so online payment is off and the pay page says so (it is not measured). Plain http on loopback: the
# app trusts X-Forwarded-Proto from loopback, so every request says https, as behind a load balancer.
# Production also needs a certificate that encrypts the data-protection keys at rest (a throwaway self-signed one
# here) and, since the benchmark asks for 127.0.0.1 rather than the public host, that host in AllowedHosts.
log "Starting the app in Production on $base..."
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/dp.key" -out "$work/dp.crt" -days 2 -subj "/CN=benchmark" 2>/dev/null
openssl pkcs12 -export -inkey "$work/dp.key" -in "$work/dp.crt" -out "$work/dp.pfx" -passout pass:benchmark
start_app Production "$out_dir/app.log" DemoData__Seed=false Email__Delivery=Smtp Email__SmtpHost=smtp.invalid \
  Accounts__PublicBaseUrl=https://portal.example.org AllowedHosts="portal.example.org;127.0.0.1" \
  DataProtection__CertificatePath="$work/dp.pfx" DataProtection__CertificatePassword=benchmark \
  Serilog__MinimumLevel__Default=Warning

tenant_email="demo.tenant@example.org"
officer_email="demo.officer@example.org"
password="Portal-demo-2026!"
officer_key="OFFICERDEMOKEY2345OFFICERDEMOKEY"
tenant_cookie="$(python3 "$here/signin.py" "$base" "$tenant_email" "$password")"
officer_cookie="$(python3 "$here/signin.py" "$base" "$officer_email" "$password" "$officer_key")"
log "Signed in as the demo tenant and the demo officer"

static_path="$(curl -fs -H 'X-Forwarded-Proto: https' -H "Cookie: $tenant_cookie" "$base/" \
  | grep -o 'href="/css/site.css?v=[^"]*"' | head -n1 | sed -e 's/^href="//' -e 's/"$//' -e 's/&amp;/\&/g')"
[ -n "$static_path" ] || { log "No versioned site.css link on the dashboard"; exit 1; }

# name|path|cookie
targets=(
  "Tenant dashboard|/|$tenant_cookie"
  "Rent statement|/rent/statement|$tenant_cookie"
  "Repairs list|/repairs|$tenant_cookie"
  "Admin repairs queue|/admin/repairs|$officer_cookie"
  "Static file (ceiling)|$static_path|"
)

# wrk's latency figures come in us, ms or s: print them in ms.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else print v }'
}

rows=()
for target in "${targets[@]}"; do
  IFS='|' read -r name path cookie <<<"$target"
  headers=(-H 'X-Forwarded-Proto: https' -H 'Accept-Encoding: br, gzip')
  if [ -n "$cookie" ]; then headers+=(-H "Cookie: $cookie"); fi

  # Check the page really is the page (200, not a redirect to sign-in) and weigh it, compressed and not.
  read -r status br_bytes encoding < <(curl -s -o /dev/null -w '%{http_code} %{size_download} %header{content-encoding}\n' \
    "${headers[@]}" "$base$path"; echo)
  raw_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H 'X-Forwarded-Proto: https' ${cookie:+-H "Cookie: $cookie"} "$base$path")
  if [ "$status" != "200" ]; then
    log "$name ($path) answered $status, not 200: stopping"
    exit 1
  fi

  log "$name: warm-up $warmup, then $duration with $threads threads and $connections connections"
  wrk -t"$threads" -c"$connections" -d"$warmup" "${headers[@]}" "$base$path" >/dev/null
  # One request at a time (no queueing behind other connections): the time one user waits on an idle server.
  single=$(for _ in $(seq 1 21); do
    curl -s -o /dev/null -w '%{time_total}\n' "${headers[@]}" "$base$path"
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.2f", t[int((NR + 1) / 2)] * 1000 }')
  result="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "${headers[@]}" "$base$path")"
  printf '%s\n' "$result" >"$out_dir/wrk-$(echo "$name" | tr 'A-Z ' 'a-z-' | tr -cd 'a-z-').txt"

  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$result")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$result")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$result")")
  transfer=$(awk '/^Transfer\/sec:/ { print $2 }' <<<"$result")
  requests=$(awk '/requests in/ { print $1 }' <<<"$result")
  bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$result")
  errors=$(awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }' <<<"$result")
  rows+=("| $name | \`$path\` | $rps | $p50 | $p99 | $single | $br_bytes (${encoding:-none}) | $raw_bytes | $transfer | $requests | ${bad:-0}${errors:+; $errors} |")
done

stamp="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
report="$out_dir/benchmark-$(date -u +%Y%m%d-%H%M%S).md"
{
  echo "# TenantPortal benchmark, $stamp"
  echo
  echo "Machine: $(nproc) CPU cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')."
  echo "Data: large demo dataset ($(du -h "$db" | cut -f1) SQLite file). App: Release, Production mode, Kestrel on loopback, wrk on the same machine."
  echo "wrk -t$threads -c$connections -d$duration --latency (after a $warmup warm-up per URL), Accept-Encoding: br, gzip."
  echo
  echo "| Page | URL | Requests/s | p50 ms | p99 ms | One at a time, median ms | Bytes per response, compressed | Bytes, uncompressed | wrk transfer/s | Requests | Non-2xx/3xx; socket errors |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$report"
log "Report written to $report (raw wrk output beside it)"
