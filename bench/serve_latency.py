#!/usr/bin/env python3
"""Per-article latency of `spamstrip serve`, as a CMS hook sees it.

Starts the server on a free port, posts every document of a JSONL file ("text" field; e.g. the
dev benchmark from scripts/dev_bench.sh) over one keep-alive connection, --passes times, and
prints wall-clock percentiles of the later passes (the first warms the caches), with and without
the per-block report. Then stops the server.

Usage: bench/serve_latency.py [--bin build/spamstrip] [--threads 2] [--passes 3] DOCS.jsonl
"""
import argparse
import http.client
import json
import re
import subprocess
import sys
import time


def percentiles(lat):
    lat = sorted(lat)
    q = lambda p: lat[int(p * (len(lat) - 1))] * 1000
    return f"p50 {q(.5):.2f} ms, p95 {q(.95):.2f} ms, p99 {q(.99):.2f} ms, max {lat[-1] * 1000:.2f} ms"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("docs")
    ap.add_argument("--bin", default="build/spamstrip")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--passes", type=int, default=3)
    a = ap.parse_args()
    docs = [json.loads(l)["text"].encode() for l in open(a.docs, encoding="utf-8") if l.strip()]
    server = subprocess.Popen([a.bin, "serve", "--port", "0", "--threads", str(a.threads)],
                              stderr=subprocess.PIPE, text=True)
    try:
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", server.stderr.readline())
        if not m:
            sys.exit("server did not start")
        conn = http.client.HTTPConnection("127.0.0.1", int(m.group(1)))
        for report in ("1", "0"):
            lat = []
            for p in range(a.passes):
                for d in docs:
                    t = time.perf_counter()
                    conn.request("POST", "/v1/clean?report=" + report, body=d,
                                 headers={"Content-Type": "text/plain"})
                    r = conn.getresponse()
                    r.read()
                    if r.status != 200:
                        sys.exit(f"HTTP {r.status}")
                    if p > 0:
                        lat.append(time.perf_counter() - t)
            print(f"report={report}: {len(lat)} requests, {len(docs)} documents of "
                  f"{sum(map(len, docs)) // len(docs)} bytes on average: {percentiles(lat)}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
