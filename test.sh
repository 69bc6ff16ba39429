#!/usr/bin/env bash
# Runs every test: unit, integration (real SQLite files) and browser (Debian Chromium, installed when missing).
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests (Debian package)..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

dotnet test TenantPortal.sln --logger "console;verbosity=normal" "$@"
