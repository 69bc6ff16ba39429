#!/usr/bin/env bash
# Runs the test suite with every process's clock moved to the instants where date and time code breaks (issue 13):
# a weekday evening after the 6pm appointment cut-off, a Sunday just before midnight, the Saturday nights before the
# clocks go forward (March) and back (October), and Christmas Eve afternoon before two bank holidays.
# Usage: tests/anytime.sh [dotnet test arguments, e.g. --filter "Category!=Browser"]
set -euo pipefail
cd "$(dirname "$0")/.."

instants=(
  "2026-12-01 18:30:00" # Tuesday evening, after the 6pm cut-off
  "2026-11-29 23:55:00" # Sunday, five minutes to midnight
  "2027-03-27 23:30:00" # Saturday night; clocks go forward at 01:00 GMT on Sunday 28 March 2027
  "2026-10-24 23:30:00" # Saturday night; clocks go back at 02:00 BST on Sunday 25 October 2026
  "2026-12-24 17:00:00" # Christmas Eve
)

lib=$(find /usr/lib -name libfaketime.so.1 -path '*faketime*' 2>/dev/null | head -n 1)
if [ -z "$lib" ]; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq faketime >/dev/null
  lib=$(find /usr/lib -name libfaketime.so.1 -path '*faketime*' | head -n 1)
fi

dotnet build TenantPortal.sln -v quiet
settings=$(mktemp --suffix=.runsettings)
trap 'rm -f "$settings"' EXIT
results=()
status=0
for instant in "${instants[@]}"; do
  offset=$(( $(TZ=Europe/London date -d "$instant" +%s) - $(date +%s) ))
  echo "=== Suite at $instant (UK time) ==="
  # The clock moves for the test host and everything it starts (app servers, Chromium), not for the test runner:
  # vstest's runner and host watch each other's processes, which a moved clock confuses. One offset for all, so every
  # process agrees on the time and its rate.
  cat > "$settings" <<SETTINGS
<RunSettings><RunConfiguration><EnvironmentVariables>
  <TZ>Europe/London</TZ><FAKETIME>+${offset}</FAKETIME><LD_PRELOAD>${lib}</LD_PRELOAD>
</EnvironmentVariables></RunConfiguration></RunSettings>
SETTINGS
  if dotnet test TenantPortal.sln --no-build --settings "$settings" "$@"; then
    results+=("passed  $instant")
  else
    results+=("FAILED  $instant")
    status=1
  fi
done

printf '%s\n' "${results[@]}"
exit $status
