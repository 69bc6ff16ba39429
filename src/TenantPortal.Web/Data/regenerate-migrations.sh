#!/usr/bin/env bash
# Before the first release the schema has one migration per context and provider. After a model change, run this
# to rebuild them (needs: dotnet tool install -g dotnet-ef). Once released, add migrations instead (docs/housing-database.md).
set -euo pipefail
export PATH="$PATH:$HOME/.dotnet/tools"
cd "$(dirname "$0")/.."
name=${1:-InitialCreate}
rm -rf Data/Housing/Migrations Data/Portal/Migrations
dotnet build -v q
for ctx in SqliteHousingDbContext:Housing/Migrations/Sqlite SqlServerHousingDbContext:Housing/Migrations/SqlServer \
           PostgresHousingDbContext:Housing/Migrations/Postgres \
           SqlitePortalDbContext:Portal/Migrations/Sqlite SqlServerPortalDbContext:Portal/Migrations/SqlServer \
           PostgresPortalDbContext:Portal/Migrations/Postgres; do
  dotnet ef migrations add "$name" --no-build --context "${ctx%%:*}" --output-dir "Data/${ctx#*:}" \
    --namespace "TenantPortal.Web.Data.$(echo "${ctx#*:}" | tr / .)" | tail -1
done
# dotnet-ef 10 writes the model snapshots to a folder named after the namespace; keep them beside their migrations.
if [ -d TenantPortal/Web/Data ]; then
  find TenantPortal/Web/Data -name '*.cs' | while read -r f; do mv "$f" "${f#TenantPortal/Web/}"; done
  rm -rf TenantPortal
fi
