# Sourced by measure.sh and soak.sh: nginx with canned OpenAI answers (plain, TLS + HTTP/1.1,
# TLS + HTTP/2; whole answers, streams, a slow stream and a key that is always rate limited) and
# Keyway in front of it with one key per flavour, chosen by model; and the helpers that load
# it with wrk. Expects $keyway, $plain, $tls1, $tls2 and $keyway_port; sets $work (a folder
# removed on exit, when every process in `pids` is stopped), $token and $keyway_pid.

work=$(mktemp -d)
chmod 755 "$work" # nginx workers run as another user
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [[ -f $work/nginx.pid ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)"
export KEYWAY_DATABASE=$work/keyway.db

# --- upstream: nginx with canned OpenAI answers, plain, TLS + HTTP/1.1 and TLS + HTTP/2 -------
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
completion='{"id":"chatcmpl-bench","object":"chat.completion","created":1,"model":"bench","choices":[{"index":0,"message":{"role":"assistant","content":"Hello from nginx."},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":4,"total_tokens":9}}'
events() { # $1 events of a chat completion stream
    for ((i = 0; i < $1; i++)); do
        printf 'data: {"id":"c","object":"chat.completion.chunk","model":"bench","choices":[{"index":0,"delta":{"content":"tok%d "},"finish_reason":null}]}\n\n' "$i"
    done
    printf 'data: {"id":"c","object":"chat.completion.chunk","model":"bench","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n'
    printf 'data: [DONE]\n\n'
}
mkdir -p "$work/tmp"
for name in s10:10 s200:200 slow:40; do # the streams, as files: nginx limits inline answers
    mkdir -p "$work/www/${name%%:*}/v1/chat"
    events "${name#*:}" >"$work/www/${name%%:*}/v1/chat/completions"
done
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
worker_rlimit_nofile 65536;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 16384; }
http {
    access_log off;
    client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
    uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
    keepalive_requests 10000000; keepalive_timeout 300s;
    server {
        listen 127.0.0.1:$plain; listen 127.0.0.1:$tls1 ssl; listen 127.0.0.1:$tls2 ssl http2;
        ssl_certificate $work/cert.pem; ssl_certificate_key $work/key.pem;
        root $work/www;
        types { }
        location = /v1/chat/completions { default_type application/json; return 200 '$completion'; }
        # A POST to a file is refused with 405; this serves it as a GET would.
        location /s10/ { default_type text/event-stream; error_page 405 =200 \$uri; }
        location /s200/ { default_type text/event-stream; error_page 405 =200 \$uri; }
        # About ten seconds per answer: streams that stay open.
        location /slow/ { default_type text/event-stream; limit_rate 500; error_page 405 =200 \$uri; }
        location = /limited/v1/chat/completions {
            default_type application/json;
            add_header retry-after-ms 0 always;
            return 429 '{"error":{"message":"Rate limit reached","type":"rate_limit_error"}}';
        }
    }
}
CONF
nginx -c "$work/nginx.conf" -e "$work/nginx-error.log"
sleep 0.5

# --- Keyway in front of it: one key per upstream flavour, chosen by model --------------------
add_key() { # label base-url models [more options]
    local label=$1 base=$2 models=$3
    shift 3
    printf 'bench-upstream-secret' | "$keyway" key add --provider openai-compatible \
        --label "$label" --base-url "$base" --served-models "$models" --secret-stdin "$@" >/dev/null
}
add_key plain "http://127.0.0.1:$plain/v1" bench-plain
add_key tls-h1 "https://127.0.0.1:$tls1/v1" bench-tls1 --ca-file "$work/cert.pem"
add_key tls-h2 "https://127.0.0.1:$tls2/v1" bench-tls2 --ca-file "$work/cert.pem"
add_key stream10 "http://127.0.0.1:$plain/s10/v1" bench-s10
add_key stream200 "http://127.0.0.1:$plain/s200/v1" bench-s200
add_key slow "http://127.0.0.1:$plain/slow/v1" bench-slow
add_key limited "http://127.0.0.1:$plain/limited/v1" bench-failover
add_key backup "http://127.0.0.1:$plain/v1" bench-failover
token=$("$keyway" token create 2>/dev/null)
"$keyway" serve --headless --port "$keyway_port" >"$work/keyway.log" 2>&1 &
keyway_pid=$!
pids+=("$keyway_pid")
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$keyway_port/health" >/dev/null && break
    sleep 0.2
done

# --- helpers ----------------------------------------------------------------------------------
to_ms() { awk '{ v = $1 + 0; if ($1 ~ /us$/) v /= 1000; else if ($1 ~ /[0-9]s$/ && $1 !~ /ms$/) v *= 1000; printf "%.2f", v }'; }
rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
body() { printf '{"model":"%s","stream":%s,"messages":[{"role":"user","content":"Hi"}]}' "$1" "${2:-false}"; }
lua_for() { # model [stream] -> a wrk script posting that request
    local file=$work/$1.lua
    printf 'wrk.method = "POST"\nwrk.body = [[%s]]\nwrk.headers["Content-Type"] = "application/json"\n' \
        "$(body "$1" "${2:-false}")" >"$file"
    echo "$file"
}
# url script connections [wrk options...] -> "requests/s p50 p99 errors requests"
load() {
    local url=$1 script=$2 connections=$3
    shift 3
    local threads=$((connections < 2 ? 1 : 2)) out
    out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency --timeout 30s -s "$script" "$@" "$url")
    local rps p50 p99 errors requests
    rps=$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out" | to_ms)
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out" | to_ms)
    errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
    requests=$(awk '/requests in/ { print $1 }' <<<"$out")
    echo "$rps $p50 $p99 $errors $requests"
}
