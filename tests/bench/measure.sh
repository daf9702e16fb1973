#!/usr/bin/env bash
# The measurements behind tests/bench/run.sh (which sets up what this needs). $1: the build.
set -euo pipefail
build=$(realpath "$1")
keyway=$build/keyway
floor=$build/tests/bench/keyway-qnam-floor
peer=$(realpath tests/bench/node/node_modules/@portkey-ai/gateway/build/start-server.js)
results=$build/results.md

plain=18080 tls1=18443 tls2=18444 keyway_port=18400 peer_port=18787
duration=${KEYWAY_BENCH_SECONDS:-8}

source "$(dirname "${BASH_SOURCE[0]}")/servers.sh" # nginx as the upstream, Keyway with its keys
node "$peer" --port="$peer_port" --headless >"$work/peer.log" 2>&1 &
pids+=("$!")
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$peer_port/" >/dev/null && break
    sleep 0.2
done

if [[ -n ${KEYWAY_BENCH_HOLD:-} ]]; then # for poking at it by hand
    printf 'token=%s\nkeyway=%s\nwork=%s\n' "$token" "$keyway_pid" "$work" >"$KEYWAY_BENCH_HOLD"
    sleep infinity
fi

# --- helpers --------------------------------------------------------------------------------
# Sequential curl runs: p50 of time to first byte and of total time, in ms.
curl_p50() { # url model count [curl options...]
    local url=$1 model=$2 count=$3
    shift 3
    for _ in $(seq "$count"); do
        curl -s -o /dev/null -w '%{time_starttransfer} %{time_total}\n' "$@" \
            -H 'Content-Type: application/json' -d "$(body "$model" true)" "$url"
    done | sort -n | awk '{ a[NR] = $1; t[NR] = $2 } END { m = int((NR + 1) / 2); printf "%.3f %.3f", a[m] * 1000, t[m] * 1000 }'
}
auth=(-H "Authorization: Bearer $token")
peer_headers=(-H "x-portkey-provider: openai" -H "x-portkey-custom-host: http://127.0.0.1:$plain/v1"
    -H "Authorization: Bearer bench")
keyway_url=http://127.0.0.1:$keyway_port/v1/chat/completions

# --- idle ---------------------------------------------------------------------------------------
sleep 2
idle_rss=$(rss_mb "$keyway_pid")
ticks_before=$(cpu_ticks "$keyway_pid")
sleep 10
idle_cpu=$(awk -v t="$(( $(cpu_ticks "$keyway_pid") - ticks_before ))" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz / 10 * 100 }')

# --- streaming ----------------------------------------------------------------------------------
read -r direct10_ttfb direct10_total <<<"$(curl_p50 "http://127.0.0.1:$plain/s10/v1/chat/completions" x 200)"
read -r direct200_ttfb direct200_total <<<"$(curl_p50 "http://127.0.0.1:$plain/s200/v1/chat/completions" x 200)"
read -r keyway10_ttfb keyway10_total <<<"$(curl_p50 "$keyway_url" bench-s10 200 "${auth[@]}")"
read -r keyway200_ttfb keyway200_total <<<"$(curl_p50 "$keyway_url" bench-s200 200 "${auth[@]}")"

# --- throughput and latency -----------------------------------------------------------------------
declare -A row
for c in 1 16 64; do
    row[direct-plain-$c]=$(load "http://127.0.0.1:$plain/v1/chat/completions" "$(lua_for bench-plain)" "$c")
    row[direct-tls1-$c]=$(load "https://127.0.0.1:$tls1/v1/chat/completions" "$(lua_for bench-plain)" "$c")
    row[keyway-plain-$c]=$(load "$keyway_url" "$(lua_for bench-plain)" "$c" "${auth[@]}")
    row[keyway-tls1-$c]=$(load "$keyway_url" "$(lua_for bench-tls1)" "$c" "${auth[@]}")
    row[keyway-tls2-$c]=$(load "$keyway_url" "$(lua_for bench-tls2)" "$c" "${auth[@]}")
    row[peer-plain-$c]=$(load "http://127.0.0.1:$peer_port/v1/chat/completions" "$(lua_for bench-plain)" "$c" "${peer_headers[@]}")
done
failover=$(load "$keyway_url" "$(lua_for bench-failover)" 1 "${auth[@]}")
failover_attempts=$(curl -s -D - -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' \
    -d "$(body bench-failover)" "$keyway_url" | awk 'tolower($1) == "x-keyway-attempts:" { print $2 + 0 }')

# --- the bare client's floor ----------------------------------------------------------------------
body bench-plain false >"$work/body.json"
floor_plain=$("$floor" "http://127.0.0.1:$plain/v1/chat/completions" "$work/body.json" 3000 --no-http2)
floor_tls1=$("$floor" "https://127.0.0.1:$tls1/v1/chat/completions" "$work/body.json" 3000 --ca-file "$work/cert.pem" --no-http2)
floor_tls2=$("$floor" "https://127.0.0.1:$tls2/v1/chat/completions" "$work/body.json" 3000 --ca-file "$work/cert.pem")

# --- memory: 100k requests, then 1,000 concurrent streams ------------------------------------------
rss_before_100k=$(rss_mb "$keyway_pid")
duration=30 growth=$(load "$keyway_url" "$(lua_for bench-plain)" 16 "${auth[@]}")
rss_after_100k=$(rss_mb "$keyway_pid")
duration=30 growth2=$(load "$keyway_url" "$(lua_for bench-plain)" 16 "${auth[@]}")
rss_after_200k=$(rss_mb "$keyway_pid")

peak=0
( while kill -0 "$keyway_pid" 2>/dev/null; do rss_mb "$keyway_pid"; echo; sleep 0.5; done ) >"$work/rss.log" &
sampler=$!
duration=15 streams=$(load "$keyway_url" "$(lua_for bench-slow true)" 1000 "${auth[@]}")
kill "$sampler"
peak=$(sort -n "$work/rss.log" | tail -1)

# --- the window: the Activity page fed by a router at 1,000 requests a second ---------------------
activity=$(QT_QPA_PLATFORM=offscreen "$build/tests/bench/keyway-activity-latency" \
    "http://127.0.0.1:$plain/v1" 20 1000 2>/dev/null | tail -1)
kv() { tr ' ' '\n' <<<"$activity" | awk -F= -v k="$1" '$1 == k { print $2 }'; }

# --- the activity log: every request Keyway served, kept or counted as not kept ------------------
sleep 2 # the log writes a batch a second
activity_db=$work/keyway-activity.db
kept=$(sqlite3 "$activity_db" 'SELECT COUNT(*) FROM requests')
not_kept=$(sqlite3 "$activity_db" 'SELECT COALESCE(SUM(requests), 0) FROM unkept_requests')

# --- report -------------------------------------------------------------------------------------
field() { awk -v n="$2" '{ print $n }' <<<"$1"; }
added() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.2f", a - b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "—" }'; }
{
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m)); wrk, nginx and Keyway share them."
    echo
    echo "| target | upstream | conns | req/s | p50 ms | p99 ms | errors |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    for c in 1 16 64; do
        for key in direct-plain direct-tls1 keyway-plain keyway-tls1 keyway-tls2 peer-plain; do
            r=${row[$key-$c]}
            target=${key%%-*} flavour=${key#*-}
            case $target in direct) target=nginx ;; keyway) target=Keyway ;; peer) target="Portkey 1.15.2" ;; esac
            case $flavour in plain) flavour="HTTP/1.1" ;; tls1) flavour="TLS, HTTP/1.1" ;; tls2) flavour="TLS, HTTP/2" ;; esac
            echo "| $target | $flavour | $c | $(field "$r" 1) | $(field "$r" 2) | $(field "$r" 3) | $(field "$r" 4) |"
        done
    done
    echo
    echo "| measure | value |"
    echo "|---|---:|"
    echo "| Keyway's added p50 latency at 1 connection, HTTP/1.1 | $(added "$(field "${row[keyway-plain-1]}" 2)" "$(field "${row[direct-plain-1]}" 2)") ms |"
    echo "| Keyway's added p50 latency at 1 connection, TLS | $(added "$(field "${row[keyway-tls1-1]}" 2)" "$(field "${row[direct-tls1-1]}" 2)") ms |"
    echo "| Keyway ÷ Portkey throughput at 16 connections | $(ratio "$(field "${row[keyway-plain-16]}" 1)" "$(field "${row[peer-plain-16]}" 1)") |"
    echo "| Keyway ÷ Portkey throughput at 64 connections | $(ratio "$(field "${row[keyway-plain-64]}" 1)" "$(field "${row[peer-plain-64]}" 1)") |"
    echo "| one failover (429 then 200, $failover_attempts attempts), added p50 | $(added "$(field "$failover" 2)" "$(field "${row[keyway-plain-1]}" 2)") ms |"
    echo "| bare QNAM client, HTTP/1.1 | $floor_plain |"
    echo "| bare QNAM client, TLS + HTTP/1.1 | $floor_tls1 |"
    echo "| bare QNAM client, TLS + HTTP/2 | $floor_tls2 |"
    echo "| stream time to first byte, direct / Keyway (p50) | $direct10_ttfb / $keyway10_ttfb ms |"
    echo "| per-event overhead of a stream | $(awk -v k2="$keyway200_total" -v d2="$direct200_total" -v k1="$keyway10_total" -v d1="$direct10_total" 'BEGIN { printf "%.1f µs", ((k2 - d2) - (k1 - d1)) / 190 * 1000 }') |"
    echo "| idle RSS / idle CPU | $idle_rss MB / $idle_cpu % |"
    echo "| RSS before / after $(field "$growth" 5) / after $(field "$growth2" 5) more requests | $rss_before_100k / $rss_after_100k / $rss_after_200k MB |"
    echo "| 1,000 concurrent streams: completed, errors, peak RSS | $(field "$streams" 5), $(field "$streams" 4), $peak MB |"
    echo "| GUI thread with the Activity page at $(kv rate_per_s) req/s: event-loop lateness p50 / p99 / max | $(kv gui_late_p50_ms) / $(kv gui_late_p99_ms) / $(kv gui_late_max_ms) ms |"
    # Counted in the log's own file, not from its messages (their wording follows the locale:
    # a grep for "request(s)" found nothing once the C locale got English plurals).
    echo "| requests in the activity log / served but not kept | $kept / $not_kept |"
} | tee "$results"
