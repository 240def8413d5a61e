"""Prints the network requests a web page made, from a Chromium NetLog (--log-net-log).

Chromium itself talks to Google services (component updates, accounts) even with background
networking disabled; those requests carry the initiator "not an origin". Requests made on
behalf of a page opened from a file:// URL carry the page's opaque origin ("null") or another
origin. So every http(s) URL request whose initiator is not exactly "not an origin" is counted
as the page's. Output: one URL per line (nothing when the page made no request)."""
import json
import sys

BROWSER_OWN = "not an origin"

log = json.load(open(sys.argv[1], encoding="utf-8"))
names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
page, browser = set(), set()
for event in log["events"]:
    if names.get(event["type"]) != "URL_REQUEST_START_JOB":
        continue
    params = event.get("params") or {}
    url = params.get("url") or ""
    if not url.startswith(("http://", "https://", "ws://", "wss://")):
        continue
    (browser if params.get("initiator") == BROWSER_OWN else page).add(url)
for url in sorted(page):
    print(url)
print("page_requests: %d by the page, %d by the browser itself (ignored)" % (len(page), len(browser)), file=sys.stderr)
