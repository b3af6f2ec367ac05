#!/usr/bin/env python3
"""Score HTML removals against a benchmark from make_html_bench.py.

Usage: scripts/score_html_bench.py BENCH.jsonl PRED.jsonl
PRED lines: {"id": str, "removed": [{"start": int, "end": int}, ...] or [[start, end], ...]}
(byte offsets into the page's "html"), e.g. `spamstrip clean --jsonl` over the bench file.

Figures:
  injection recall  - injected elements with at least half of their bytes removed, overall and
                      per mode and category;
  gold paragraphs lost - gold article paragraphs whose text is present in the page before
                      cleaning and no longer present after (tags stripped, whitespace collapsed),
                      over all pages, injected or not;
  clean pages untouched - pages without injections from which nothing was removed;
  stray removals    - removed ranges that overlap no injection (count and bytes).
"""
import collections
import html as htmlmod
import json
import re
import sys

TAG_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)


def text_of(h):
    return " ".join(htmlmod.unescape(TAG_RE.sub(" ", h)).split())


def ranges(rem):
    out = []
    for r in rem or []:
        out.append((r["start"], r["end"]) if isinstance(r, dict) else (r[0], r[1]))
    return sorted(out)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    bench = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            bench[d["id"]] = d
    pred = {}
    with open(sys.argv[2], encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            d = json.loads(line)
            if "error" in d:
                print(f"{sys.argv[2]}:{n}: error for {d.get('id')}: {d['error']}", file=sys.stderr)
            pred[d.get("id")] = ranges(d.get("removed"))
    hit, tot = collections.Counter(), collections.Counter()
    gold_total = gold_lost = 0
    clean_pages = clean_untouched = 0
    stray = stray_bytes = 0
    lost_examples = []
    for pid, d in bench.items():
        rem = pred.get(pid, [])
        h = d["html"].encode("utf-8")
        for s in d["spans"]:
            cut = sum(max(0, min(e, s["end"]) - max(b, s["start"])) for b, e in rem)
            ok = cut * 2 >= s["end"] - s["start"]
            for key in ("all", "mode " + s["mode"], "category " + s["category"]):
                tot[key] += 1
                hit[key] += ok
        for b, e in rem:
            if not any(b < s["end"] and s["start"] < e for s in d["spans"]):
                stray += 1
                stray_bytes += e - b
        if d["clean"]:
            clean_pages += 1
            clean_untouched += not rem
        before = text_of(h.decode("utf-8", "replace"))
        kept, pos = [], 0
        for b, e in rem:
            kept.append(h[pos:b])
            pos = max(pos, e)
        kept.append(h[pos:])
        after = text_of(b"".join(kept).decode("utf-8", "replace"))
        for g in d.get("gold", []):
            g = " ".join(htmlmod.unescape(g).split())
            if len(g) < 20 or g not in before:
                continue
            gold_total += 1
            if g not in after:
                gold_lost += 1
                if len(lost_examples) < 10:
                    lost_examples.append(f"{pid}: {g[:100]}")
    print(f"pages {len(bench)}, injections {tot['all']}")
    print(f"injection recall        {hit['all'] / max(1, tot['all']):.3f}")
    for key in sorted(k for k in tot if k != "all"):
        print(f"  {key:28s} {hit[key] / tot[key]:.3f}  ({hit[key]}/{tot[key]})")
    print(f"gold paragraphs lost    {gold_lost} of {gold_total}")
    print(f"clean pages untouched   {clean_untouched / max(1, clean_pages):.3f} "
          f"({clean_untouched}/{clean_pages})")
    print(f"stray removals          {stray} ({stray_bytes} bytes)")
    for ex in lost_examples:
        print("  lost:", ex)


if __name__ == "__main__":
    main()
