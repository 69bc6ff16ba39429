#!/usr/bin/env bash
# Runs every test: unit, integration (real SQLite files; the race, lease, two-instance and failure tests on a
# PostgreSQL cluster of the run's own too) and browser (Debian Chromium). Installs the Debian packages when missing.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the tests (Debian packages)..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  # The tests start their own PostgreSQL cluster (tests/.../Infrastructure/PostgresServer.cs); Debian's is not needed.
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

dotnet test TenantPortal.sln --logger "console;verbosity=normal" "$@"
