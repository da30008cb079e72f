#!/usr/bin/env bash
# The deployment test: starts docker-compose.yml as a user would (its own project, fresh secrets from
# scripts/env.sh, images from scripts/images.sh, which it runs first) and checks through nginx (HTTPS) that
#  1. the FTP store: the frontends' account writes, the probes' account can neither write nor delete;
#  2. every engine's probe answers EICAR, a clean file and ClamAV's test corpus (Debian's clamav-testfiles); a zip
#     encrypted with the password "infected" holding EICAR is malicious, and its verdict names the member;
#  3. three clamav probes (--scale probe-clamav=3) each do work, as their metrics and Prometheus show;
#  4. a client on frontend-1 receives the live events of a scan whose results frontend-2 consumed too;
#  5. under a batch of 1,000 files, killing a probe, a brain and a frontend (docker kill, then start) and cutting a
#     probe off the network loses nothing: every accepted upload finishes with every result;
#  6. down then up keeps every scan;
#  7. with the profile "cluster" (scripts/env.sh --cluster): three RabbitMQ nodes form one cluster, every shared
#     queue is a quorum queue on the three, and killing a broker node under a batch loses nothing.
# --cluster-only runs 7 alone. Exits non-zero at the first failed check. Prints what it measured. Leaves nothing running (but the images).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

project="${ARGUS_COMPOSE_PROJECT:-argus-compose-test}"
export ARGUS_HTTPS_PORT="${ARGUS_HTTPS_PORT:-18443}" ARGUS_PROMETHEUS_PORT="${ARGUS_PROMETHEUS_PORT:-19090}"
batch_files="${ARGUS_COMPOSE_BATCH_FILES:-1000}"
cluster_files="${ARGUS_COMPOSE_CLUSTER_FILES:-400}"
cluster_only=false
for arg in "$@"; do
  case "$arg" in
    --cluster-only) cluster_only=true ;;
    *) echo "compose-test.sh: unknown option $arg (known: --cluster-only)" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d /tmp/argus-compose-test.XXXXXX)"
env_file="$work/env"
base="https://localhost:$ARGUS_HTTPS_PORT"
started=$SECONDS

log() { printf '[compose-test %4ds] %s\n' "$((SECONDS - started))" "$*"; }
fail() { printf '[compose-test] FAILED: %s\n' "$*" >&2; exit 1; }
compose() { docker-compose -p "$project" --env-file "$env_file" -f docker-compose.yml "$@"; }
container() { compose ps -q "$1" | sed -n 1p; }
address() { docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$1"; }
cleanup() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    log "logs of the failed run (last lines of each service):"
    compose logs --tail=40 --no-color 2>&1 | tail -400 || true
  fi
  compose down -v --remove-orphans >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

for tool in docker docker-compose curl jq; do command -v "$tool" >/dev/null || fail "$tool is missing"; done
[ -d /usr/share/clamav-testfiles ] || fail "ClamAV's test corpus is missing (apt-get install clamav-testfiles)"

bash scripts/images.sh
bash scripts/env.sh > "$env_file"
key="$(grep '^ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY=' "$env_file" | cut -d= -f2)"
api() { curl -sk --max-time 90 -H "Authorization: Bearer $key" "$@"; }

wait_healthy() { # seconds
  local deadline=$((SECONDS + $1)) unhealthy
  while :; do
    unhealthy="$(for id in $(compose ps -q); do
      docker inspect -f '{{.Name}} {{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id"
    done | grep -v -e ' healthy$' -e ' running$' || true)"
    [ -z "$unhealthy" ] && return 0
    [ $SECONDS -lt $deadline ] || fail "not healthy after $1 s: $unhealthy"
    sleep 3
  done
}

# Uploads the files with the probes; prints the scan id (fails on anything but 202).
upload() { # probes file...
  local probes=$1; shift
  local args=(-F "probes=$probes") f answer
  for f in "$@"; do args+=(-F "file=@$f"); done
  answer="$(api -X POST "$base/api/v1/scans" "${args[@]}" -w '\n%{http_code}')"
  [ "$(tail -1 <<<"$answer")" = 202 ] || return 1
  head -n -1 <<<"$answer" | jq -r .id
}

# Waits until the scan is over (long polls); prints the scan's JSON.
finished() { # scan-id seconds
  local deadline=$((SECONDS + $2)) scan
  while :; do
    scan="$(api "$base/api/v1/scans/$1?wait=30s")"
    case "$(jq -r .status <<<"$scan")" in finished|cancelled|error) echo "$scan"; return 0 ;; esac
    [ $SECONDS -lt $deadline ] || { echo "$scan"; return 1; }
  done
}

# The category one engine gave the file with this sha256 in a scan's JSON.
category() { jq -r --arg sha "$2" --arg probe "$3" \
  '.files[] | select(.sha256 == $sha) | .results[$probe].category' <<<"$1"; }
# The failed or timed-out results of a scan's JSON, readably (empty when there is none).
failures() { jq -r '[.files[].results | to_entries[] | select(.value.category == "failure" or .value.category == "timeout")
                     | "\(.key): \(.value.category) \(.value.error // "")"] | join("; ")' <<<"$1"; }

engines=(clamav clamscan hashlist icap yara metadata executable extract)
all_engines="$(IFS=,; echo "${engines[*]}")"

# docker-compose 1.29 gives up on a dependency whose health check is still starting: start again until every
# service exists and is healthy.
start_stack() {
  compose up -d >/dev/null 2>&1 || true
  wait_healthy 420
  compose up -d >/dev/null 2>&1 || fail "docker-compose up failed: $(compose up -d 2>&1 | tail -3)"
  wait_healthy 300
}

# A batch of N unique files in uploads of 10 by four concurrent clients, in the background: start_batch N, then
# disturb the stack, then check_batch N. Accepted uploads go to $work/accepted ("scan-id files"), refused ones (at
# the moment of a kill) to $work/refused.
batch_probes=clamav,hashlist,yara,metadata
start_batch() { # files
  local n=$1 quarter=$(($1 / 4)) i
  rm -rf "$work/batch" "$work/accepted" "$work/refused"
  mkdir -p "$work/batch"
  : > "$work/accepted"
  for i in $(seq 1 "$n"); do printf 'batch %s %s %s\n' "$i" "$RANDOM$RANDOM" "$(date +%s%N)" > "$work/batch/$i"; done
  uploaders=()
  uploader 1 "$quarter" & uploaders+=($!)
  uploader $((quarter + 1)) $((2 * quarter)) & uploaders+=($!)
  uploader $((2 * quarter + 1)) $((3 * quarter)) & uploaders+=($!)
  uploader $((3 * quarter + 1)) "$n" & uploaders+=($!)
}
uploader() { # first last
  local i j files id
  for ((i = $1; i <= $2; i += 10)); do
    files=()
    for ((j = i; j < i + 10 && j <= $2; j++)); do files+=("$work/batch/$j"); done
    if id="$(upload "$batch_probes" "${files[@]}")"; then echo "$id ${#files[@]}" >> "$work/accepted"
    else echo "refused ${#files[@]}" >> "$work/refused"; fi
  done
}
# How many uploads of the running batch are answered (accepted or refused).
uploads_done() { cat "$work/accepted" "$work/refused" 2>/dev/null | wc -l; }
await_uploads() { # count
  local deadline=$((SECONDS + 300))
  until [ "$(uploads_done)" -ge "$1" ]; do
    [ $SECONDS -lt $deadline ] || fail "only $(uploads_done) uploads answered in 300 s"
    sleep 0.5
  done
}
# Waits for the uploaders, then for every accepted upload to finish with every result, none failed or timed out.
check_batch() { # files
  local accepted_files refused_files expected id count scan got bad
  wait "${uploaders[@]}"
  accepted_files="$(awk '{s += $2} END {print s + 0}' "$work/accepted")"
  refused_files="$(awk '{s += $2} END {print s + 0}' "$work/refused" 2>/dev/null || echo 0)"
  log "accepted $accepted_files files in $(wc -l < "$work/accepted") uploads; refused $refused_files (at the moment of a kill)"
  [ "$accepted_files" -ge $(($1 * 9 / 10)) ] || fail "only $accepted_files of $1 files were accepted"
  wait_healthy 300
  expected=$(( $(tr ',' '\n' <<<"$batch_probes" | wc -l) ))
  while read -r id count; do
    scan="$(finished "$id" 900)" || fail "scan $id is stuck: $(jq -c '{status, progress}' <<<"$scan")"
    [ "$(jq -r .status <<<"$scan")" = finished ] || fail "scan $id ended $(jq -r .status <<<"$scan")"
    got="$(jq '[.files[].results[]] | length' <<<"$scan")"
    [ "$got" -eq $((count * expected)) ] || fail "scan $id has $got results, not $((count * expected))"
    bad="$(failures "$scan")"
    [ -z "$bad" ] || fail "scan $id: $bad"
  done < "$work/accepted"
  log "every accepted upload finished with all its $((accepted_files * expected)) results, none failed or timed out"
}

# Waits until every engine's probe is online through nginx.
await_engines() {
  local online=""
  for _ in $(seq 1 60); do
    online="$(api "$base/api/v1/probes" | jq -r '[.[] | select(.online) | .name] | sort | join(",")')"
    [ "$online" = "$(tr ',' '\n' <<<"$all_engines" | sort | paste -sd,)" ] && break
    sleep 2
  done
  [ "$online" = "$(tr ',' '\n' <<<"$all_engines" | sort | paste -sd,)" ] || fail "probes online: $online"
  echo "$online"
}

# 7. The profile "cluster": three broker nodes, quorum queues, one node killed under a batch.
cluster_test() {
  local rabbit running queues
  compose down -v --remove-orphans >/dev/null 2>&1 || true
  bash scripts/env.sh --cluster > "$env_file"
  key="$(grep '^ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY=' "$env_file" | cut -d= -f2)"
  log "starting the stack with the profile cluster (three RabbitMQ nodes, quorum queues)"
  start_stack
  await_engines >/dev/null
  rabbit="$(container rabbitmq)"
  running="$(docker exec "$rabbit" rabbitmqctl -q cluster_status --formatter json | jq '.running_nodes | length')"
  [ "$running" = 3 ] || fail "the broker cluster runs $running nodes, not 3"
  queues="$(docker exec "$rabbit" rabbitmqctl -q list_queues name type members --formatter json \
    | jq -r '.[] | select(.name | startswith("argus.live.") | not) | "\(.name) \(.type) \(.members | length)"')"
  [ -n "$queues" ] || fail "the cluster has no Argus queue"
  ! grep -v ' quorum 3$' <<<"$queues" | grep . || fail "not every shared queue is a quorum queue on 3 nodes"
  log "3 broker nodes run; $(wc -l <<<"$queues") shared queues are quorum queues on the 3"
  log "uploading $cluster_files files in uploads of 10 (probes $batch_probes) while killing a broker node"
  start_batch "$cluster_files"
  await_uploads $((cluster_files / 40))   # a quarter of the uploads of 10
  docker kill "$rabbit" >/dev/null
  log "killed the broker node rabbitmq (the first address of every process) after $(uploads_done) of" \
    "$((cluster_files / 10)) uploads"
  sleep 20
  docker start "$rabbit" >/dev/null; log "restarted the broker node rabbitmq"
  check_batch "$cluster_files"
}

if $cluster_only; then
  cluster_test
  log "the whole test took $((SECONDS - started)) s"
  exit 0
fi

log "starting the stack (project $project, HTTPS on $ARGUS_HTTPS_PORT)"
start_stack
log "every service is healthy"
online="$(await_engines)"
curl -skI "$base/" | grep -qi '^strict-transport-security:' || fail "nginx sends no HSTS header"
log "nginx answers over TLS with HSTS; engines online: $online"

# 1. The FTP store's accounts.
ftp_ip="$(address "$(container ftp)")"
ftp_password="$(grep '^ARGUS_FTP_PASSWORD=' "$env_file" | cut -d= -f2)"
probe_password="$(grep '^ARGUS_FTP_PROBE_PASSWORD=' "$env_file" | cut -d= -f2)"
echo "planted" > "$work/planted"
curl -s --max-time 20 -T "$work/planted" "ftp://argus:$ftp_password@$ftp_ip/ab/compose-test" \
  || fail "the frontends' FTP account cannot write the store"
for target in ab/planted planted; do
  if curl -s --max-time 20 -T "$work/planted" "ftp://argus-probe:$probe_password@$ftp_ip/$target"; then
    fail "the probes' FTP account could write $target"
  fi
done
if curl -s --max-time 20 -Q "DELE ab/compose-test" "ftp://argus-probe:$probe_password@$ftp_ip/" -o /dev/null; then
  fail "the probes' FTP account could delete a file"
fi
[ "$(curl -s --max-time 20 "ftp://argus-probe:$probe_password@$ftp_ip/ab/compose-test")" = planted ] \
  || fail "the probes' FTP account cannot read the store"
log "FTP: the frontends' account writes; the probes' account reads but cannot write or delete"

# 2. EICAR, a clean file and ClamAV's test corpus on every engine.
printf '%s' 'X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*' > "$work/eicar.com"
printf 'Argus compose test, a clean text file, %s\n' "$(date -u +%s%N)" > "$work/clean.txt"
scan="$(finished "$(upload "$all_engines" "$work/eicar.com" "$work/clean.txt")" 180)" || fail "EICAR scan: $scan"
eicar="$(sha256sum "$work/eicar.com" | cut -d' ' -f1)"
clean="$(sha256sum "$work/clean.txt" | cut -d' ' -f1)"
for engine in clamav clamscan hashlist icap yara; do
  [ "$(category "$scan" "$eicar" "$engine")" = malicious ] || fail "$engine: EICAR is $(category "$scan" "$eicar" "$engine")"
done
for engine in "${engines[@]}"; do
  c="$(category "$scan" "$clean" "$engine")"
  case "$c" in undetected|harmless|type-unsupported) ;; *) fail "$engine: the clean file is '$c'" ;; esac
done
for engine in metadata executable; do
  case "$(category "$scan" "$eicar" "$engine")" in undetected|type-unsupported) ;;
    *) fail "$engine: EICAR is $(category "$scan" "$eicar" "$engine")" ;; esac
done
log "EICAR is malicious on clamav, clamscan, hashlist, icap and yara; the clean file is malicious nowhere"

mkdir -p "$work/zip/docs"
cp "$work/eicar.com" "$work/zip/docs/payload.com"
(cd "$work/zip" && zip -q -P infected "$work/sample.zip" docs/payload.com)
scan="$(finished "$(upload "$all_engines" "$work/sample.zip")" 180)" || fail "encrypted zip scan: $scan"
root="$(jq -c '.files[] | select(.parent == null)' <<<"$scan")"
[ "$(jq -r .verdict.label <<<"$root")" = malicious ] || fail "the encrypted zip with EICAR is $(jq -c .verdict <<<"$root")"
jq -e '.verdict.explanation[0] | contains("docs/payload.com")' <<<"$root" >/dev/null \
  || fail "the verdict does not name the member: $(jq -c .verdict.explanation <<<"$root")"
[ "$(jq -r --arg e "$eicar" '.files[] | select(.sha256 == $e) | .parent' <<<"$scan")" = "$(jq -r .sha256 <<<"$root")" ] \
  || fail "EICAR is not a child of the zip: $(jq -c '[.files[] | {sha256, parent, path}]' <<<"$scan")"
log "a zip encrypted with 'infected' holding EICAR: $(jq -r '.verdict.label + " (" + .verdict.explanation[0] + ")"' <<<"$root")"

corpus=(/usr/share/clamav-testfiles/*)
ids=()
for ((i = 0; i < ${#corpus[@]}; i += 10)); do
  ids+=("$(upload "$all_engines" "${corpus[@]:i:10}")") || fail "the corpus upload was refused"
done
detected=0
for id in "${ids[@]}"; do
  scan="$(finished "$id" 300)" || fail "corpus scan $id did not finish: $(jq -c .progress <<<"$scan")"
  bad="$(failures "$scan")"
  [ -z "$bad" ] || fail "corpus scan $id: $bad"
  detected=$((detected + $(jq '[.files[].results.clamav | select(.category == "malicious")] | length' <<<"$scan")))
done
[ "$detected" -ge 1 ] || fail "clamav detected none of ClamAV's test files"
log "ClamAV's test corpus: ${#corpus[@]} files on ${#engines[@]} engines, every result in, no failure or timeout;" \
  "clamav (with the project's own signatures) detected $detected of them"

# 3. Three clamav probes share the work.
compose up -d --no-recreate --scale probe-clamav=3 >/dev/null 2>&1 || true
wait_healthy 240
for _ in $(seq 1 30); do
  [ "$(api "$base/api/v1/probes" | jq '.[] | select(.name == "clamav") | .instances')" = 3 ] && break
  sleep 2
done
ids=()
for i in $(seq 1 45); do
  printf 'spread %s %s\n' "$i" "$RANDOM$RANDOM" > "$work/spread-$i"
  ids+=("$(upload clamav "$work/spread-$i")") || fail "a clamav upload was refused"
done
for id in "${ids[@]}"; do finished "$id" 180 >/dev/null || fail "clamav scan $id did not finish"; done
per_instance=()
for id in $(compose ps -q probe-clamav); do
  n="$(curl -s --max-time 10 "http://$(address "$id"):8082/actuator/prometheus" \
      | awk '/^argus_engine_scan_seconds_count\{/ && /engine="clamav"/ {s += $NF} END {print s + 0}')"
  per_instance+=("${n%.*}")
  [ "${n%.*}" -ge 1 ] || fail "a clamav probe scanned nothing: $(IFS=' '; echo "${per_instance[*]}")"
done
sleep 6   # one Prometheus scrape interval
targets="$(curl -s "http://127.0.0.1:$ARGUS_PROMETHEUS_PORT/api/v1/query" \
  --data-urlencode 'query=count(sum by (instance) (argus_engine_scan_seconds_count{engine="clamav"}) > 0)' \
  | jq -r '.data.result[0].value[1] // 0')"
[ "$targets" -ge 3 ] || fail "Prometheus sees $targets clamav probes with work, not 3"
log "3 clamav probes scanned ${per_instance[*]} files each; Prometheus sees $targets of them at work"

# 4. Live events on frontend-1 for results frontend-2 consumed.
f1="$(address "$(container frontend-1)")"
f2="$(address "$(container frontend-2)")"
results_of() { curl -s --max-time 10 "http://$1:9080/actuator/prometheus" \
  | awk '/^argus_results_total\{/ {s += $NF} END {printf "%d", s}'; }
live_ok=false
# Which frontend consumes a result message is the broker's round robin over the frontends' consumers, and the
# messages of one upload come in a fixed order: the probe set changes from attempt to attempt so that the results
# do not always meet the same consumers.
probe_sets=(clamav,hashlist,yara,metadata clamav,hashlist,yara clamav,hashlist clamav,hashlist,yara,metadata,executable
            hashlist,yara,metadata clamav,metadata yara clamav,hashlist,yara,metadata)
for attempt in "${!probe_sets[@]}"; do
  for i in $(seq 1 10); do printf 'live %s %s %s\n' "$attempt" "$i" "$RANDOM$RANDOM" > "$work/live-$i"; done
  before="$(results_of "$f2")"
  answer="$(curl -s --max-time 60 -H "Authorization: Bearer $key" -X POST "http://$f1:8080/api/v1/scans" \
    -F "probes=${probe_sets[$attempt]}" $(for i in $(seq 1 10); do printf -- '-F file=@%s ' "$work/live-$i"; done))"
  id="$(jq -r .id <<<"$answer")"
  curl -sN --max-time 120 -H "Authorization: Bearer $key" "http://$f1:8080/api/v1/scans/$id/events" > "$work/events" || true
  after="$(results_of "$f2")"
  results="$(grep -c '^event: *result' "$work/events" || true)"
  if grep -q '"status":"finished"' "$work/events" && [ "$after" -gt "$before" ] && [ "$results" -gt 0 ]; then
    live_ok=true
    log "frontend-1's stream got $results result events and the finish; frontend-2 stored $((after - before)) of the results"
    break
  fi
  log "attempt $((attempt + 1)) (probes ${probe_sets[$attempt]}): $results result events on frontend-1's stream," \
    "frontend-2 stored $((after - before)) results; again"
done
$live_ok || fail "no scan's live events on frontend-1 included results consumed by frontend-2"

# 5. A batch of 1,000 files under failures.
log "uploading $batch_files files in uploads of 10 (probes $batch_probes) while killing and cutting"
start_batch "$batch_files"
network="${project//-/}_default"
docker network inspect "$network" >/dev/null 2>&1 || network="${project}_default"
sleep 5
victim="$(compose ps -q probe-clamav | sed -n 1p)"; docker kill "$victim" >/dev/null; log "killed a clamav probe"
sleep 5
docker kill "$(container brain-1)" >/dev/null; log "killed brain-1"
sleep 5
yara="$(container probe-yara)"; docker network disconnect "$network" "$yara"; log "cut probe-yara off the network"
sleep 5
docker kill "$(container frontend-1)" >/dev/null; log "killed frontend-1"
sleep 10
docker network connect "$network" "$yara"; log "probe-yara is back on the network"
docker start "$victim" "$(container brain-1)" "$(container frontend-1)" >/dev/null; log "restarted the killed containers"
check_batch "$batch_files"

# 6. down, then up: every scan is still there.
sample="$(head -1 "$work/accepted" | cut -d' ' -f1)"
compose down >/dev/null 2>&1
start_stack
while read -r id count; do
  status=""
  for _ in $(seq 1 30); do   # the first requests may reach a frontend still warming up
    status="$(api "$base/api/v1/scans/$id" | jq -r '.status // empty' 2>/dev/null || true)"
    [ -n "$status" ] && break
    sleep 2
  done
  [ "$status" = finished ] || fail "scan $id is gone or changed after down/up (status '$status')"
done < "$work/accepted"
log "after down and up every scan is still there (e.g. $sample)"

cluster_test
log "the whole test took $((SECONDS - started)) s"
