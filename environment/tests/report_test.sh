#!/usr/bin/env bash
# Checks an HTML report written by run-notebooks.sh: the plot is an embedded PNG (data URI), the
# table is HTML, no script or stylesheet comes from the network, and headless Chromium renders
# it non-blank without the page making any network request. A control page that does load from
# the network must be caught by the same check (so this test can fail).
#   environment/tests/report_test.sh reports/00-tour.html
set -euo pipefail
cd "$(dirname "$0")/../.."
REPORT="$(readlink -f "$1")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "report test: FAIL: $*" >&2; exit 1; }

[ -s "$REPORT" ] || fail "$REPORT is missing or empty"
grep -q '<img[^>]*src="data:image/png;base64,' "$REPORT" || fail "no PNG embedded as a data URI in $REPORT"
grep -q '<table class="latticeq-table"' "$REPORT" || fail "no Tablesaw HTML table in $REPORT"
grep -q 'class="claim-summary">Claims in this report' "$REPORT" || fail "no claim summary at the top of $REPORT"
grep -q '<span class="claim claim-pass">CLAIM PASS</span>' "$REPORT" || fail "no PASS badge in $REPORT"
if grep -Eiq '<script[^>]*src=' "$REPORT"; then fail "$REPORT loads a script: $(grep -Eio '<script[^>]*src=[^>]*>' "$REPORT" | head -3)"; fi
if grep -Eiq '<link[^>]*href="(https?:)?//' "$REPORT"; then fail "$REPORT links a stylesheet from the network"; fi

# Renders $1 (a file) with a fresh profile; writes $2.png and $2.json (NetLog).
render() {
  HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_CACHE_HOME="$WORK/home/.cache" \
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$WORK/profile-$(basename "$2")" --log-net-log="$2.json" \
    --window-size=1280,3000 --hide-scrollbars --screenshot="$2.png" "file://$1" >"$2.log" 2>&1 \
    || { tail -5 "$2.log" >&2; fail "chromium could not render $1"; }
}

render "$REPORT" "$WORK/report"
read -r width height colours nonwhite < <(java environment/tests/ImageStats.java "$WORK/report.png")
echo "report test: screenshot ${width}x${height}, $colours colours, non-white fraction $nonwhite"
[ "$colours" -gt 50 ] || fail "screenshot has only $colours colours: blank page?"
awk -v f="$nonwhite" 'BEGIN { exit !(f > 0.02) }' || fail "screenshot is almost all white ($nonwhite non-white)"
requests="$(/usr/bin/python3 environment/tests/page_requests.py "$WORK/report.json")"
[ -z "$requests" ] || fail "the report made network requests: $requests"

# The control: the same check must see a page's external script, stylesheet and image.
printf '%s\n' '<html><head><script src="https://cdn.invalid/lib.js"></script>' \
  '<link rel="stylesheet" href="https://fonts.invalid/a.css"></head>' \
  '<body><p>control</p><img src="http://images.invalid/a.png"></body></html>' > "$WORK/control.html"
render "$WORK/control.html" "$WORK/control"
control="$(/usr/bin/python3 environment/tests/page_requests.py "$WORK/control.json" | wc -l)"
[ "$control" -ge 3 ] || fail "the request check saw $control of 3 requests of the control page: it cannot be trusted"

[ -n "${LATTICEQ_KEEP_SCREENSHOT:-}" ] && cp "$WORK/report.png" "$LATTICEQ_KEEP_SCREENSHOT"
echo "report test: ok ($REPORT: PNG data URI, HTML table, no network request; control page caught $control requests)"
