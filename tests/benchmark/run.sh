#!/usr/bin/env bash
# The performance benchmark (not part of `dotnet test`): seeds a demo dataset (SCALE=Large: 20,000 tenancies, 100,000
# repairs, about 2 million rent lines; SCALE=Huge: 150,000 homes and tenancies, 1,000,000 repairs, about 15 million rent
# lines) into a SQLite file, starts the published app in Production mode on loopback and drives load with wrk over the
# tenant dashboard, the rent statement, the repairs list, the officers' repairs queue and, as the ceiling, a static file
# served by the same app. For each page, at each connection count, in one run: requests/s and its share of the static
# file's, p50/p99, the app's CPU ms and KB allocated per request, and the load average while it ran. Then each queue
# view, tenant page and the officers' dashboard (its measures kept, and counted) one request at a time. See docs/performance.md.
#
# Settings (environment variables):
#   SCALE=Large                             Large or Huge (the seeded dataset)
#   DURATION=15s THREADS=2                  wrk settings for each measured run (keep DURATION under 60s: see below)
#   CONNECTIONS="16 64"                     the connection counts, each measured in turn for every URL
#   WARMUP=40                               seconds of unmeasured load per URL first (the JIT's tiers and the caches
#                                           reach steady state after about 40 s; less measures the JIT)
#   PORT=5180                               the loopback port the app listens on
#   BENCHMARK_DB=/path/large.db             keep the seeded database here and reuse it next time (seeding takes
#                                           minutes); by default a temporary file, deleted at the end
#   SKIP_BUILD=1                            reuse the app already published in artifacts/benchmark/app
#   SINGLE=21                               sequential requests per URL for the one-at-a-time medians
#   MEASURE=all                             all, or single: only the one-at-a-time medians (e.g. on the Huge dataset)
#
# Every measured run starts on a cookie signed in just before it: Identity re-checks the security stamp of a cookie
# older than a minute, and wrk never takes the renewed cookie, so a stale one would re-check on every request.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
here="$repo/tests/benchmark"
out_dir="$repo/artifacts/benchmark"
app_dir="$out_dir/app"
duration="${DURATION:-15s}"
threads="${THREADS:-2}"
connections_list="${CONNECTIONS:-16 64}"
warmup="${WARMUP:-40}"
warmup="${warmup%s}"
scale="${SCALE:-Large}"
single_count="${SINGLE:-21}"
port="${PORT:-5180}"
base="http://127.0.0.1:$port"
mkdir -p "$out_dir"

work="$(mktemp -d /tmp/tenantportal-benchmark-XXXXXX)"
db="${BENCHMARK_DB:-$work/$(echo "$scale" | tr "A-Z" "a-z").db}"
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
# dotnet-counters (a .NET tool from NuGet) reads the app's allocation rate (System.Runtime dotnet.gc.heap.total_allocated).
counters_dir="$out_dir/tools"
counters="$counters_dir/dotnet-counters"
if [ ! -x "$counters" ]; then
  log "Installing dotnet-counters into $counters_dir..."
  dotnet tool install --tool-path "$counters_dir" dotnet-counters --version 10.0.750501 >/dev/null
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
  log "Seeding the $scale dataset into $db (takes minutes)..."
  seed_start=$(date +%s)
  start_app Development "$work/seed.log" DemoData__Seed=true DemoData__Scale="$scale"
  seed_rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$app_pid/status" 2>/dev/null || echo 0)
  stop_app
  seed_seconds=$(( $(date +%s) - seed_start ))
  log "Seeded in ${seed_seconds}s ($(du -h "$db" | cut -f1); the app's peak memory $((seed_rss_kb / 1024)) MB)"
  echo "$scale: seeded in ${seed_seconds}s, $(du -h "$db" | cut -f1), peak RSS $((seed_rss_kb / 1024)) MB, load average $(cut -d' ' -f1-3 /proc/loadavg)" >"$out_dir/seed-$scale.txt"
fi

# 4. Production mode. The start-up validator requires SMTP delivery and a host (nothing is emailed during the run:
# signing in queues no email) and an https Accounts:PublicBaseUrl for links in emails (never followed here); no
# Stripe keys, so online payment is off and the pay page says so (it is not measured); texts by GOV.UK Notify with a
# made-up key (nothing is texted either). Plain http on loopback: the
# app trusts X-Forwarded-Proto from loopback, so every request says https, as behind a load balancer.
# Production also needs a certificate that encrypts the data-protection keys at rest (a throwaway self-signed one
# here) and, since the benchmark asks for 127.0.0.1 rather than the public host, that host in AllowedHosts.
log "Starting the app in Production on $base..."
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/dp.key" -out "$work/dp.crt" -days 2 -subj "/CN=benchmark" 2>/dev/null
openssl pkcs12 -export -inkey "$work/dp.key" -in "$work/dp.crt" -out "$work/dp.pfx" -passout pass:benchmark
start_app Production "$out_dir/app.log" DemoData__Seed=false Email__Delivery=Smtp Email__SmtpHost=smtp.invalid \
  Accounts__PublicBaseUrl=https://portal.example.org AllowedHosts="portal.example.org;127.0.0.1" \
  DataProtection__CertificatePath="$work/dp.pfx" DataProtection__CertificatePassword=benchmark \
  Texts__Provider=GovukNotify Texts__NotifyApiKey="benchmark-$(cat /proc/sys/kernel/random/uuid)-$(cat /proc/sys/kernel/random/uuid)" \
  Texts__NotifySmsTemplateId="$(cat /proc/sys/kernel/random/uuid)" \
  Serilog__MinimumLevel__Default=Warning

tenant_email="demo.tenant@example.org"
officer_email="demo.officer@example.org"
password="Portal-demo-2026!"
officer_key="OFFICERDEMOKEY2345OFFICERDEMOKEY"
# A fresh sign-in cookie for "tenant" or "officer" (none for the static file).
cookie_for() {
  case "$1" in
    tenant) python3 "$here/signin.py" "$base" "$tenant_email" "$password" ;;
    officer) python3 "$here/signin.py" "$base" "$officer_email" "$password" "$officer_key" ;;
    *) echo "" ;;
  esac
}

# For the one-at-a-time medians: a cookie signed in at most 45 s ago (an officer's sign-in may wait for the next
# authenticator code, so it is not repeated for every URL).
declare -A cookie_cache cookie_at
recent_cookie() {
  local who="$1" now
  now=$(date +%s)
  if [ -z "${cookie_at[$who]:-}" ] || [ $((now - cookie_at[$who])) -gt 45 ]; then
    cookie_cache[$who]="$(cookie_for "$who")"
    cookie_at[$who]=$now
  fi
  printf '%s' "${cookie_cache[$who]}"
}
duration_seconds="${duration%s}"
counters_duration="$(printf '%02d:%02d:%02d' $((duration_seconds / 3600)) $((duration_seconds % 3600 / 60)) $((duration_seconds % 60)))"

static_path="$(curl -fs -H 'X-Forwarded-Proto: https' -H "Cookie: $(cookie_for tenant)" "$base/" \
  | grep -o 'href="/css/site.css?v=[^"]*"' | head -n1 | sed -e 's/^href="//' -e 's/"$//' -e 's/&amp;/\&/g')"
[ -n "$static_path" ] || { log "No versioned site.css link on the dashboard"; exit 1; }

# name|path|who
targets=(
  "Tenant dashboard|/|tenant"
  "Rent statement|/rent/statement|tenant"
  "Repairs list|/repairs|tenant"
  "Admin repairs queue|/admin/repairs|officer"
  "Static file (ceiling)|$static_path|"
)

# One request at a time (no queueing behind other connections): the time one user waits on an idle server. The
# queue's heaviest views (issue 23's goals on the Huge dataset: each under 50 ms; the tenant pages under 10 ms).
# name|path|who
singles=(
  "Tenant dashboard|/|tenant"
  "Rent statement|/rent/statement|tenant"
  "Repairs list|/repairs|tenant"
  "Queue, default view|/admin/repairs|officer"
  "Queue, postcode search|/admin/repairs?q=KM1%204|officer"
  "Queue, name search|/admin/repairs?q=Morgan|officer"
  "Queue, patch and trade|/admin/repairs?patch=2&trade=Plumbing|officer"
  "Queue, all statuses by priority|/admin/repairs?status=all&sort=priority|officer"
  "Officers' dashboard, measures kept|/admin|officer"
  "Officers' dashboard, measures counted|/admin?month={month}|officer"
)

# wrk's latency figures come in us, ms or s: print them in ms.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else print v }'
}

# The app process's CPU time so far (user + system), in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)
loadavg() { cut -d' ' -f1 /proc/loadavg; }
header_args() {
  local cookie="$1"
  printf '%s\n' -H 'X-Forwarded-Proto: https' -H 'Accept-Encoding: br, gzip'
  if [ -n "$cookie" ]; then printf '%s\n' -H "Cookie: $cookie"; fi
}

declare -A rps_of
rows=()
measure="${MEASURE:-all}"
if [ "$measure" = "single" ]; then targets=(); connections_list=""; fi
for target in "${targets[@]}"; do
  IFS='|' read -r name path who <<<"$target"
  slug="$(echo "$name" | tr 'A-Z ' 'a-z-' | tr -cd 'a-z-')"
  cookie="$(cookie_for "$who")"
  mapfile -t headers < <(header_args "$cookie")

  # Check the page really is the page (200, not a redirect to sign-in) and weigh it, compressed and not.
  read -r status br_bytes encoding < <(curl -s -o /dev/null -w '%{http_code} %{size_download} %header{content-encoding}\n' \
    "${headers[@]}" "$base$path"; echo)
  raw_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H 'X-Forwarded-Proto: https' ${cookie:+-H "Cookie: $cookie"} "$base$path")
  if [ "$status" != "200" ]; then
    log "$name ($path) answered $status, not 200: stopping"
    exit 1
  fi

  max_connections=$(tr ' ' '\n' <<<"$connections_list" | sort -n | tail -n1)
  log "$name: warm-up ${warmup}s with $max_connections connections"
  wrk -t"$threads" -c"$max_connections" -d"${warmup}s" "${headers[@]}" "$base$path" >/dev/null

  for connections in $connections_list; do
    # A cookie signed in just now: no security-stamp re-check during the run (it is due a minute after sign-in).
    cookie="$(cookie_for "$who")"
    mapfile -t headers < <(header_args "$cookie")
    wrk -t"$threads" -c"$connections" -d3s "${headers[@]}" "$base$path" >/dev/null
    log "$name: $duration with $threads threads and $connections connections"
    load_before=$(loadavg)
    cpu_before=$(cpu_ticks)
    "$counters" collect -p "$app_pid" --counters 'System.Runtime[dotnet.gc.heap.total_allocated]' --format csv \
      -o "$out_dir/counters-$slug-$connections.csv" --refresh-interval 1 --duration "$counters_duration" >/dev/null 2>&1 &
    counters_pid=$!
    result="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "${headers[@]}" "$base$path")"
    cpu_after=$(cpu_ticks)
    load_after=$(loadavg)
    wait "$counters_pid" 2>/dev/null || true
    printf '%s\n' "$result" >"$out_dir/wrk-$slug-$connections.txt"

    rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$result")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$result")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$result")")
    requests=$(awk '/requests in/ { print $1 }' <<<"$result")
    bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$result")
    errors=$(awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }' <<<"$result")
    cpu_ms=$(awk -v t=$((cpu_after - cpu_before)) -v hz="$ticks_per_second" -v n="$requests" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')
    # The mean allocation rate (bytes/s, one figure a second during the run) over the run's requests/s.
    kb=$(awk -F, -v rps="$rps" '$3 ~ /total_allocated/ { sum += $5; n++ } END { printf "%.1f", ((n > 0 && rps > 0) ? sum / n / rps / 1024 : 0) }' \
      "$out_dir/counters-$slug-$connections.csv" 2>/dev/null || echo "?")
    rps_of["$connections|$name"]="$rps"
    rows+=("$connections|$name|$path|$rps|$p50|$p99|$cpu_ms|$kb|$br_bytes (${encoding:-none})|$raw_bytes|$requests|${bad:-0}${errors:+; $errors}|$load_before-$load_after")
  done
done

single_rows=()
for target in "${singles[@]}"; do
  IFS='|' read -r name path who <<<"$target"
  recent_cookie "$who" >/dev/null
  mapfile -t headers < <(header_args "${cookie_cache[$who]:-}")
  # {month} becomes a different month for every request: the dashboard keeps each month's measures for five minutes,
  # so only a month not yet asked for shows what counting them costs.
  month_of() { printf '%04d-%02d' $((2001 + $1 / 12)) $(($1 % 12 + 1)); }
  for k in 1 2 3 4 5; do curl -s -o /dev/null "${headers[@]}" "$base${path//\{month\}/$(month_of "$k")}"; done
  load_before=$(loadavg)
  median=$(for k in $(seq 1 "$single_count"); do
    curl -s -o /dev/null -w '%{time_total}\n' "${headers[@]}" "$base${path//\{month\}/$(month_of $((k + 5)))}"
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.2f", t[int((NR + 1) / 2)] * 1000 }')
  single_rows+=("| $name | \`$path\` | $median | $load_before |")
done

stamp="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
report="$out_dir/benchmark-$(date -u +%Y%m%d-%H%M%S).md"
{
  echo "# TenantPortal benchmark, $stamp"
  echo
  echo "Machine: $(nproc) CPU cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')."
  echo "Data: $scale demo dataset ($(du -h "$db" | cut -f1) SQLite file). App: Release, Production mode, Kestrel on loopback, wrk on the same machine."
  if [ -f "$out_dir/seed-$scale.txt" ]; then echo "Seed: $(cat "$out_dir/seed-$scale.txt")."; fi
  echo "wrk -t$threads -d$duration --latency at $connections_list connections, after a ${warmup}s warm-up per URL and a fresh sign-in before each run; Accept-Encoding: br, gzip."
  echo "CPU: the app process's user + system time (/proc) over the run, per request. Allocated: dotnet-counters' dotnet.gc.heap.total_allocated rate over requests/s."
  echo
  for connections in $connections_list; do
    static_rps="${rps_of["$connections|Static file (ceiling)"]:-0}"
    echo "## $connections connections"
    echo
    echo "| Page | URL | Requests/s | Share of the static file's | p50 ms | p99 ms | CPU ms per request | KB allocated per request | Bytes per response, compressed | Bytes, uncompressed | Requests | Non-2xx/3xx; socket errors | Load average (start-end) |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
    for row in "${rows[@]}"; do
      IFS='|' read -r c name path rps p50 p99 cpu_ms kb bytes raw requests bad load <<<"$row"
      [ "$c" = "$connections" ] || continue
      share=$(awk -v a="$rps" -v b="$static_rps" 'BEGIN { printf "%.1f %%", (b > 0 ? a * 100 / b : 0) }')
      echo "| $name | \`$path\` | $rps | $share | $p50 | $p99 | $cpu_ms | $kb | $bytes | $raw | $requests | $bad | $load |"
    done
    echo
  done
  echo "## One request at a time (median of $single_count, ms)"
  echo
  echo "| Page | URL | Median ms | Load average |"
  echo "|---|---|---:|---|"
  printf '%s\n' "${single_rows[@]}"
} | tee "$report"
log "Report written to $report (raw wrk and dotnet-counters output beside it)"
