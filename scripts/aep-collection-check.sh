#!/usr/bin/env bash
# Runs one of Adobe's official Postman collections, rebased to a fresh local ProfilePlatform (embedded SQLite,
# throwaway database), and prints how many requests got each HTTP status. Use it to report compatibility figures:
#
#   scripts/aep-collection-check.sh PATH/TO/schema-registry-api.postman_collection.json [--folder NAME]
#
# Without a driver (scripts/aep-collections/<name>.driver.js) the collection runs as downloaded: its path variables
# and {{payload}} bodies are empty, so most requests fail. Needs a built API (dotnet build) and newman (npm ci --prefix postman). A token comes from the collection
# ims.postman_collection.json next to the given one (its OAuth request), as a Postman user would get one.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COLLECTION="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
IMS_COLLECTION="$(dirname "$COLLECTION")/ims.postman_collection.json"
NEWMAN="$ROOT/postman/node_modules/.bin/newman"
API_OUTPUT="$ROOT/src/ProfilePlatform.Api/bin/Debug/net10.0"
PORT="${PORT:-5099}"
WORK="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -x "$NEWMAN" ] || { echo "newman missing: npm ci --prefix postman" >&2; exit 2; }
[ -f "$API_OUTPUT/ProfilePlatform.Api.dll" ] || { echo "API not built: dotnet build src/ProfilePlatform.Api" >&2; exit 2; }

(cd "$API_OUTPUT" && exec env ASPNETCORE_ENVIRONMENT=Development Storage__Provider=Sqlite \
    ConnectionStrings__Sqlite="Data Source=$WORK/pp.db" dotnet ProfilePlatform.Api.dll --urls "http://127.0.0.1:$PORT") \
    >"$WORK/platform.log" 2>&1 &
PID=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done

BASE="http://127.0.0.1:$PORT"
node "$ROOT/scripts/rebase-collection.js" "$COLLECTION" "$WORK/collection.json" "$BASE" >/dev/null
node "$ROOT/scripts/rebase-collection.js" "$IMS_COLLECTION" "$WORK/ims.json" "$BASE" >/dev/null
# A driver, when there is one for this collection, fills in what a user fills in by hand (see its header).
DRIVER="$ROOT/scripts/aep-collections/$(basename "$COLLECTION" .postman_collection.json | sed 's/-api$//').driver.js"
if [ -f "$DRIVER" ]; then
    node "$ROOT/scripts/apply-collection-driver.js" "$WORK/collection.json" "$WORK/collection.json" "$DRIVER"
    echo "driver: ${DRIVER#"$ROOT"/}"
fi
# The documented dev client of appsettings.json; the collections read these environment variables.
cat >"$WORK/env.json" <<JSON
{"values":[
 {"key":"API_KEY","value":"profileplatform-dev"},{"key":"CLIENT_SECRET","value":"profileplatform-dev-secret"},
 {"key":"IMS_ORG","value":"D3V0000000000000000000A1@AdobeOrg"},{"key":"IMS","value":"127.0.0.1:$PORT"},
 {"key":"SCOPES","value":"openid,AdobeID,read_organizations"},{"key":"SANDBOX_NAME","value":"prod"},
 {"key":"TECHNICAL_ACCOUNT_ID","value":"D3V0000000000000000000A1@techacct.adobe.com"},
 {"key":"PLATFORM_GATEWAY","value":"$BASE"},{"key":"TENANT_ID","value":"devtenant"}]}
JSON
"$NEWMAN" run "$WORK/ims.json" -e "$WORK/env.json" --folder OAuth --export-environment "$WORK/env.json" >/dev/null || true
"$NEWMAN" run "$WORK/collection.json" -e "$WORK/env.json" "$@" --reporters json --reporter-json-export "$WORK/report.json" >/dev/null || true
node -e '
const run = require(process.argv[1]).run;
const counts = {}; const lines = [];
// A driver may send requests of its own before an item (pm.sendRequest); the response of the item itself comes last.
const byItem = new Map();
for (const e of run.executions) byItem.set(e.item.id, e);
for (const e of byItem.values()) {
  const code = e.response ? e.response.code : "no response";
  counts[code] = (counts[code] || 0) + 1;
  let line = `${code}  ${e.item.name}`;
  if (process.env.SHOW_BODIES && e.response && e.response.code >= 400) {
    line += "\n     " + Buffer.from(e.response.stream.data || []).toString().slice(0, 300);
  }
  lines.push(line);
}
console.log(lines.join("\n"));
console.log(`\n${byItem.size} requests: ` + Object.entries(counts).map(([k, v]) => `${v} x ${k}`).join(", "));
' "$WORK/report.json"
