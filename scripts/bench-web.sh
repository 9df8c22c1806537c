#!/usr/bin/env bash
# Measures the web server: start-up to ready, wrk against POST /api/v1/evaluate
# (the most and the least expensive verdicts) and a saved result page
# (GET /a/{id}), and resident memory. Loopback only, bounded: 3 runs of 10 s
# per endpoint. wrk runs one thread with 16 connections, so that the load
# generator takes at most one of the two cores. Prints one line per run and
# the medians. Usage: scripts/bench-web.sh [RUNS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
secs=${2:-10}
port=18181
addr=127.0.0.1:$port
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/certwise" ./cmd/certwise

# Start-up to ready: from exec until /readyz answers 200 (fresh database).
startups=()
for i in $(seq 1 "$runs"); do
  rm -f "$work"/certwise.db*
  t0=$(date +%s%N)
  (cd "$work" && exec ./certwise serve --addr "$addr" 2>"$work/serve.log") &
  pid=$!
  until curl -fs "http://$addr/readyz" >/dev/null 2>&1; do sleep 0.005; done
  t1=$(date +%s%N)
  startups+=($(( (t1 - t0) / 1000000 )))
  if [ "$i" -lt "$runs" ]; then kill -TERM "$pid"; wait "$pid" || true; fi
done

cat >"$work/answers.json" <<'JSON'
{"role": {"occupation": "15-1252.00"},
 "position": {"owns_measurable_outcomes": true, "ai_enhanced_role": true, "expanding_into_system_design": true, "has_tested_ai_in_role": true},
 "organization": {"leadership_values_ai_literacy": true, "ai_adoption_phase": "productivity_normalization"},
 "industry": {"shifting_to_ai": true}, "motives": ["capability_gap", "role_transition"],
 "capability_gap": "designing machine learning systems on a cloud platform",
 "target_role": {"title": "machine learning engineer"}, "expected_authority_gain": "clear", "positioning": "offensive"}
JSON
cat >"$work/avoid.json" <<'JSON'
{"role": {"title": "marketing manager"}, "motives": ["follow_headlines", "reduce_anxiety"]}
JSON
for body in answers avoid; do
  cat >"$work/$body.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/$body.json")
wrk.body = f:read("*a")
f:close()
LUA
done
id=$(curl -fs -X POST -H 'Content-Type: application/json' --data @"$work/answers.json" "http://$addr/api/v1/assessments" | grep -o '"id":"[^"]*"' | head -1 |
  sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$id" ] || { echo "could not save an assessment" >&2; exit 1; }

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# p99 in ms from wrk's "99%" line (units us, ms or s).
p99ms() { awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}'; }

bench() { # name, wrk args...
  local name=$1; shift
  local rps=() p99=() errs=()
  for i in $(seq 1 "$runs"); do
    out=$(wrk -t1 -c16 -d"${secs}s" --latency "$@")
    rps+=($(echo "$out" | awk '/Requests\/sec/ {print $2}'))
    p99+=($(echo "$out" | p99ms))
    e=$(echo "$out" | awk '/Non-2xx/ {n+=$NF} /Socket errors/ {gsub(",",""); n+=$4+$6+$8+$10} END {print n+0}')
    errs+=("$e")
    echo "$name run $i: ${rps[-1]} req/s, p99 ${p99[-1]} ms, errors $e"
  done
  echo "$name median: $(median "${rps[@]}") req/s, p99 $(median "${p99[@]}") ms, errors (max) $(printf '%s\n' "${errs[@]}" | sort -n | tail -1)"
}

bench "POST /api/v1/evaluate (pursue, catalog ranked)" -s "$work/answers.lua" "http://$addr/api/v1/evaluate"
bench "POST /api/v1/evaluate (avoid)" -s "$work/avoid.lua" "http://$addr/api/v1/evaluate"
bench "GET /a/{id}" "http://$addr/a/$id"

rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
echo "start-up to ready (ms): ${startups[*]}; median $(median "${startups[@]}")"
echo "resident memory after the runs: $((rss / 1024)) MiB (peak $((hwm / 1024)) MiB)"
