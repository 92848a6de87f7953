#!/usr/bin/env bash
# TLS: `lotsen serve --tls-cert --tls-key` answers HTTPS (TLS 1.2 or later), marks the session cookie
# Secure, refuses plain HTTP and older TLS, and refuses to start with a missing or mismatched key.
# Usage: tls_test.sh LOTSEN_BINARY
set -euo pipefail
lotsen=$1
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "tls test: $*" >&2; tail -5 "$work/server.log" >&2 2>/dev/null || true; exit 1; }

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -keyout "$work/key.pem" -out "$work/cert.pem" \
  2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=other -keyout "$work/other-key.pem" \
  -out "$work/other.pem" 2>/dev/null
echo "a-long-password" | "$lotsen" user add --db "$work/tls.db" --name anna --role caseworker --password-stdin >/dev/null

# Bad configurations: exit 2 with a message naming the problem, before listening.
status=0; "$lotsen" serve --db "$work/tls.db" --listen 127.0.0.1:0 --metrics-listen off --tls-cert "$work/cert.pem" 2>"$work/err" || status=$?
[ "$status" = 2 ] && grep -q "tls-key" "$work/err" || fail "a certificate without a key: exit $status"
status=0; "$lotsen" serve --db "$work/tls.db" --listen 127.0.0.1:0 --metrics-listen off --tls-cert "$work/cert.pem" \
  --tls-key "$work/other-key.pem" 2>"$work/err" || status=$?
[ "$status" = 2 ] && grep -q "hör inte till certifikatet" "$work/err" || fail "a mismatched key: exit $status"
status=0; "$lotsen" serve --db "$work/tls.db" --listen 127.0.0.1:0 --metrics-listen off --tls-cert "$work/missing.pem" \
  --tls-key "$work/key.pem" 2>"$work/err" || status=$?
[ "$status" = 2 ] || fail "a missing certificate: exit $status"

"$lotsen" serve --db "$work/tls.db" --listen 127.0.0.1:0 --metrics-listen off --tls-cert "$work/cert.pem" --tls-key "$work/key.pem" \
  >"$work/server.log" 2>&1 &
server=$!
url=$("$(dirname "$0")/../../scripts/lotsen-url" "$work/server.log" --cacert "$work/cert.pem") ||
  fail "the server did not answer over HTTPS"

[ "$(curl -s --cacert "$work/cert.pem" -o /dev/null -w '%{http_code}' "$url/healthz")" = 200 ] || fail "healthz over TLS"
headers=$(curl -s --cacert "$work/cert.pem" -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"username":"anna","password":"a-long-password"}' "$url/api/v1/session")
grep -qi '^set-cookie: lotsen_session=.*; Secure' <<<"$headers" || fail "the session cookie is not Secure: $headers"
grep -qi '^strict-transport-security: max-age=31536000' <<<"$headers" || fail "no Strict-Transport-Security: $headers"
hostport=${url#https://}
echo | timeout 10 openssl s_client -connect "$hostport" -tls1_2 >"$work/tls12" 2>&1 || true
grep -qE "Cipher is [^(]" "$work/tls12" || fail "TLS 1.2 was refused"
echo | timeout 10 openssl s_client -connect "$hostport" -tls1_1 -cipher 'DEFAULT@SECLEVEL=0' >"$work/tls11" 2>&1 || true
! grep -qE "Cipher is [^(]" "$work/tls11" || fail "TLS 1.1 was accepted"
plain=${url/https/http}
[ "$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$plain/healthz" || true)" != 200 ] || fail "plain HTTP answered"
[ "$(curl -s --cacert "$work/cert.pem" -o /dev/null -w '%{http_code}' "$url/healthz")" = 200 ] ||
  fail "the server stopped answering after a plain-HTTP client"
kill -TERM "$server"
wait "$server" || fail "the server did not stop cleanly"
server=
echo "tls test: ok"
