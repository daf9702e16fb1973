#!/usr/bin/env bash
# The soak (issue 15): Keyway under a steady mixed load — whole answers, streams, and a key that
# is always rate limited so that each of its requests fails over — for ten minutes
# (KEYWAY_SOAK_MINUTES), with its memory, file descriptors and threads sampled every second and
# wrk's latency taken minute by minute. Checks: after the first minute RSS grows by less than
# 10 MB, descriptors and threads stay flat, no error, and the last minute's p99 is within 1.5× of
# the second minute's. Writes build/bench/soak/{samples.csv,minutes.csv,soak.png,results.md};
# `--report` judges and plots the last run's files again without running. Not in CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ ${1:-} != --inside && ${1:-} != --report ]]; then
    scripts/install-deps.sh bench
    cmake --preset bench >/dev/null
    cmake --build --preset bench
    # Keyway reads its keys from the keychain: a private one, as in the tests.
    exec tests/support/with-keyring.sh "$0" --inside
fi

build=$(realpath build/bench)
out=$build/soak
minutes=${KEYWAY_SOAK_MINUTES:-10}
[[ ${1:-} == --report ]] && minutes=$(awk -F, 'NR > 1 { m = $1 } END { print m }' "$out/minutes.csv")
# Keyway and its upstream under the three loads, minute by minute.
run() {
    keyway=$build/keyway
    mkdir -p "$out"

    plain=19080 tls1=19443 tls2=19444 keyway_port=19400
    source tests/bench/servers.sh
    auth=(-H "Authorization: Bearer $token")
    url=http://127.0.0.1:$keyway_port/v1/chat/completions

    sample() { # one line a second: second, RSS MB, open descriptors, threads
        local second=0
        echo "second,rss_mb,fds,threads"
        while kill -0 "$keyway_pid" 2>/dev/null; do
            echo "$second,$(rss_mb "$keyway_pid"),$(find "/proc/$keyway_pid/fd" -mindepth 1 | wc -l),$(awk '/^Threads/ { print $2 }' "/proc/$keyway_pid/status")"
            second=$((second + 1))
            sleep 1
        done
    }
    sample >"$out/samples.csv" &
    pids+=("$!")

    # Three loads side by side, a minute at a time: "kind connections model stream".
    loads=("plain 4 bench-plain false" "stream 2 bench-s10 true" "failover 1 bench-failover false")
    echo "minute,kind,rps,p50_ms,p99_ms,errors,requests" >"$out/minutes.csv"
    duration=60
    for minute in $(seq "$minutes"); do
        running=()
        for spec in "${loads[@]}"; do
            read -r kind connections model stream <<<"$spec"
            load "$url" "$(lua_for "$model" "$stream")" "$connections" "${auth[@]}" >"$work/$kind.out" &
            running+=("$!")
        done
        wait "${running[@]}"
        for spec in "${loads[@]}"; do
            kind=${spec%% *}
            echo "$minute,$kind,$(tr ' ' ',' <"$work/$kind.out")" >>"$out/minutes.csv"
        done
        echo "minute $minute done" >&2
    done
}
[[ ${1:-} == --inside ]] && run

# --- verdicts ----------------------------------------------------------------------------------
after_first=$(awk -F, 'NR > 1 && $1 >= 60' "$out/samples.csv")
rss_at_60=$(awk -F, 'NR == 1 { print $2 }' <<<"$after_first")
rss_max=$(awk -F, '{ if ($2 > m) m = $2 } END { print m }' <<<"$after_first")
# Descriptors and threads come and go with connections: flat means the most open in any later
# minute is no more than in the second minute.
peaks() { # column -> "second minute's peak, highest later peak"
    awk -F, -v c="$1" '{ m = int($1 / 60); if ($c > p[m]) p[m] = $c; if (m > last) last = m }
        END { hi = 0; for (i = 2; i <= last; i++) if (p[i] > hi) hi = p[i]; print p[1] + 0, hi + 0 }' <<<"$after_first"
}
read -r fds_second fds_later <<<"$(peaks 3)"
read -r threads_second threads_later <<<"$(peaks 4)"
errors=$(awk -F, 'NR > 1 { n += $6 } END { print n + 0 }' "$out/minutes.csv")
requests=$(awk -F, 'NR > 1 { n += $7 } END { print n + 0 }' "$out/minutes.csv")
p99_of() { awk -F, -v m="$1" -v k="$2" '$1 == m && $2 == k { print $5 }' "$out/minutes.csv"; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo pass; else echo FAIL; fi; }

gnuplot <<PLOT
set terminal png size 900,500
set output "$out/soak.png"
set datafile separator ","
set termoption noenhanced
set key right bottom
set xlabel "seconds"
set ylabel "RSS MB"
set y2label "descriptors, threads"
set y2tics
set yrange [0:*]
set y2range [0:*]
plot "$out/samples.csv" using 1:2 with lines axes x1y1 title "RSS (MB, left)", \
    "" using 1:3 with lines axes x1y2 title "open descriptors (right)", \
    "" using 1:4 with lines axes x1y2 title "threads (right)"
PLOT

{
    echo "Soak of $(date -u +%Y-%m-%d), $minutes minutes on $(nproc) cores; $requests requests, $errors errors."
    echo
    echo "| check | measured | |"
    echo "|---|---|---|"
    echo "| RSS growth after the first minute < 10 MB | $rss_at_60 → at most $rss_max MB | $(verdict "$rss_max - $rss_at_60 < 10") |"
    echo "| descriptors: most open in the second minute / in any later one | $fds_second / $fds_later | $(verdict "$fds_later <= $fds_second + 2") |"
    echo "| threads: most in the second minute / in any later one | $threads_second / $threads_later | $(verdict "$threads_later <= $threads_second") |"
    echo "| errors | $errors | $(verdict "$errors == 0") |"
    for kind in plain stream failover; do
        second=$(p99_of 2 "$kind") last=$(p99_of "$minutes" "$kind")
        echo "| $kind: p99 of the last minute within 1.5× of the second's | $second → $last ms | $(verdict "$last <= 1.5 * $second") |"
    done
} | tee "$out/results.md"
