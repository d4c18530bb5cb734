#!/usr/bin/env bash
# The whole test suite, on a fresh machine or a developer's: installs and starts what the tests
# need (Debian's Chromium, a throwaway PostgreSQL cluster), runs every test project, and ends with
# the plain line "N passed, N failed". Exit code: 0 only when nothing failed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if ! command -v chromium >/dev/null; then
  echo "Installing Chromium (Debian package) for the end-to-end tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

pgdir=$(mktemp -d /tmp/kiemdiem-pg.XXXXXX)
trap 'bash "$root/tests/tools/postgres.sh" stop "$pgdir"' EXIT
KIEMDIEM_TEST_POSTGRES=$(bash tests/tools/postgres.sh start "$pgdir")
export KIEMDIEM_TEST_POSTGRES
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

results="$root/test-artifacts/results"
rm -rf "$results"
status=0
# The Release build as docs/deploy.md publishes it: Deployment/PublishedBuildTests runs its 'migrate' against the
# throwaway PostgreSQL, starts it in Teams mode and checks /healthz (counted below like any test; a failed publish
# fails that test).
published="$root/test-artifacts/published"
rm -rf "$published"
dotnet publish bot/KiemDiemBot.Bot -c Release -o "$published" --nologo -clp:ErrorsOnly || status=$?
export KIEMDIEM_PUBLISHED_BOT="$published"
# The browser tests run on their own after the rest: on two cores, beside the process-killing and
# multi-host tests, Web Chat's timings would be at the mercy of the load.
dotnet test KiemDiemBot.sln --logger trx --results-directory "$results" \
  --filter "FullyQualifiedName!~KiemDiemBot.EndToEnd" \
  --blame-hang-timeout 10m -- RunConfiguration.TreatNoTestsAsError=false || status=$?
dotnet test tests/KiemDiemBot.EndToEnd --no-build --logger trx --results-directory "$results" \
  --blame-hang-timeout 10m || status=$?

# A test that leaves a host running slows every test after it: name the leak, and stop them.
leftover=$(pgrep -f "$root/tests/.*/KiemDiemBot.Bot.dll" || true)
if [ -n "$leftover" ]; then
  echo "Bot processes the tests left running (stopped now): $(echo "$leftover" | wc -l)"
  kill $leftover 2>/dev/null || true
fi

python3 tests/tools/summarize-trx.py "$results"
exit $status
