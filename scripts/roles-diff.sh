#!/usr/bin/env bash
# Compares every occupation's exposure level and work mix between a git
# revision and the working tree: how many occupations changed level, how many
# are structural and how many have a compressible share at or above 0.5 in
# each, and the figures of the codes given (default: the personas of issues 13
# and 15). Usage: scripts/roles-diff.sh REV [CODE...]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: scripts/roles-diff.sh REV [CODE...]}
shift
codes=("$@")
if [ ${#codes[@]} -eq 0 ]; then
  codes=(23-2011.00 29-1141.00 43-5032.00 13-1071.00 11-2021.00 13-2011.00)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git archive "$rev" | tar -x -C "$work"
(cd "$work" && go run ./cmd/certwise roles list --format jsonl) >"$work/old.jsonl"
go run ./cmd/certwise roles list --format jsonl >"$work/new.jsonl"
jq -rn --slurpfile old "$work/old.jsonl" --slurpfile new "$work/new.jsonl" --arg rev "$rev" --arg codes "${codes[*]}" '
  def byCode(xs): xs | map({key: .code, value: .}) | from_entries;
  def r(x): if x == null then "null" else ((x * 1000 | round) / 1000 | tostring) end;
  (byCode($old)) as $o | (byCode($new)) as $n |
  [$n | keys[] | select($o[.].exposure_level != $n[.].exposure_level)] as $changed |
  def count(m; f): [m[] | select(f)] | length;
  "level changed: \($changed | length) of \($n | length)",
  ($changed[] | "  \(.) \($n[.].title): \($o[.].exposure_level) -> \($n[.].exposure_level)"),
  "structural: \(count($o; .exposure_level == "structural")) at \($rev), \(count($n; .exposure_level == "structural")) now",
  "compressible_share >= 0.5: \(count($o; (.compressible_share // 0) >= 0.5)) at \($rev), \(count($n; (.compressible_share // 0) >= 0.5)) now",
  "compressible_share up by 0.1 or more: \([$n | keys[] | select(($n[.].compressible_share // 0) - ($o[.].compressible_share // 0) >= 0.1)] | length); down by 0.1 or more: \([$n | keys[] | select(($o[.].compressible_share // 0) - ($n[.].compressible_share // 0) >= 0.1)] | length)",
  ($codes | split(" ")[] | . as $c |
    "\($c) \($n[$c].title): \($o[$c].exposure_level) -> \($n[$c].exposure_level), compressible \(r($o[$c].compressible_share)) -> \(r($n[$c].compressible_share)), reporting \(r($o[$c].work_mix.reporting)) -> \(r($n[$c].work_mix.reporting)), coordination \(r($o[$c].work_mix.coordination)) -> \(r($n[$c].work_mix.coordination)), analysis \(r($o[$c].work_mix.analysis)) -> \(r($n[$c].work_mix.analysis)), relationship \(r($o[$c].work_mix.relationship)) -> \(r($n[$c].work_mix.relationship))")
'
