#!/usr/bin/env python3
"""Build a labelled HTML benchmark: real news pages with real spam injected the way hacks do it.

Each output line is one page:
  {"id": str, "url": str, "html": str, "clean": bool, "gold": [str, ...],
   "spans": [{"start": int, "end": int, "category": str, "mode": str, "spam_id": str}, ...]}
Offsets are UTF-8 byte offsets into "html", end exclusive; a span is the whole injected element.
"gold" is the page's gold article paragraphs (what must survive).

Injection modes (one to three per injected page, at random):
  p           - a spam paragraph <p>...</p> right after a real paragraph of the article;
  hidden      - a <div> hidden by inline CSS (display:none, off-screen, font-size:0, ...) holding
                a spam paragraph or a run of spam-keyword links, after a real paragraph or in the
                page footer / at the end of <body> (the classic pharma hack);
  inline_link - an <a href> with spam anchor text slipped in at the end of a real paragraph;
  link_list   - a visible <ul> of spam-keyword links in the page footer or at the end of <body>
                (an SEO link farm).

Usage (from the project root; the data is never copied into the repository):
  scripts/make_html_bench.py --split dev --out /tmp/html_dev.jsonl
  scripts/make_html_bench.py --split train --copies 6 --out /tmp/html_train.jsonl
Deterministic for a given --seed.
"""
import argparse
import glob
import html as htmlmod
import json
import os
import random
import re
import sys

HIDDEN_STYLES = [
    "display:none",
    "display: none !important",
    "position:absolute;left:-9999px;top:-9999px",
    "font-size:0",
    "visibility:hidden",
    "height:0;overflow:hidden",
    "text-indent:-9999px",
]
TLDS = ["com", "net", "org", "info", "biz", "top", "xyz", "ru", "pl", "in"]
P_RE = re.compile(rb"<p\b[^>]*>(.*?)</p\s*>", re.S | re.I)
TAG_RE = re.compile(r"<[^>]*>")
BODY_END_RE = re.compile(rb"</body\s*>", re.I)
FOOTER_END_RE = re.compile(rb"</footer\s*>", re.I)
URL_RE = re.compile(r"https?://[^\s<>\"']+")


def norm(s):
    return " ".join(htmlmod.unescape(TAG_RE.sub(" ", s)).split())


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{n}: bad JSON: {e}")


def spam_url(rng, text):
    m = URL_RE.search(text)
    if m and rng.random() < 0.5:
        return m.group(0)
    words = re.findall(r"[a-z]{4,}", text.lower()) or ["shop"]
    host = f"{rng.choice(words)}-{rng.choice(words)}{rng.randint(1, 99)}.{rng.choice(TLDS)}"
    return f"https://{host}/{rng.choice(words)}.html"


def anchor_text(rng, item, keywords):
    if keywords and rng.random() < 0.6:
        return rng.choice(keywords)["text"]
    words = item["text"].split()
    n = rng.randint(3, 10)
    start = rng.randint(0, max(0, len(words) - n))
    return " ".join(words[start:start + n])


def esc(s):
    return htmlmod.escape(s, quote=False)


def link(rng, text, url):
    return f'<a href="{htmlmod.escape(url)}">{esc(text)}</a>'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--copies", type=int, default=2, help="injected variants per page")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    data = os.path.normpath(args.data)

    spam, keywords = [], []
    for path in sorted(glob.glob(os.path.join(data, "spam", "*.jsonl"))):
        for r in read_jsonl(path):
            if r.get("split") != args.split or r.get("category") == "ham_lookalike":
                continue
            if "keywords" in os.path.basename(path):
                if len(r["text"]) >= 6:
                    keywords.append(r)
            elif 20 <= len(r["text"]) <= 1500:
                spam.append(r)
    if not spam:
        sys.exit(f"no spam records of split {args.split} under {data}/spam")

    out = []
    for page in read_jsonl(os.path.join(data, "news", "html", "gold.jsonl")):
        if page.get("split") != args.split:
            continue
        with open(os.path.join(data, "news", page["html_file"]), "rb") as f:
            raw = f.read()
        gold = [norm(p) for p in page.get("paragraphs", []) if norm(p)]
        gold_prefixes = {g[:60] for g in gold if len(g) >= 20}
        # Real article paragraphs: <p> elements whose text is (the start of) a gold paragraph.
        anchors = []
        for m in P_RE.finditer(raw):
            t = norm(m.group(1).decode("utf-8", "replace"))
            if len(t) >= 20 and t[:60] in gold_prefixes:
                anchors.append(m)
        body_end = BODY_END_RE.search(raw)
        footers = list(FOOTER_END_RE.finditer(raw))
        # Where a theme-level hack lands: inside the page footer when there is one (its last
        # </footer>), else at the end of <body>.
        tail = footers[-1].start() if footers and rng.random() < 0.5 else (
            body_end.start() if body_end else len(raw))
        base = {"url": page.get("url", ""), "gold": page.get("paragraphs", [])}
        out.append(dict(base, id=page["id"] + "#clean", html=raw.decode("utf-8", "replace"),
                        clean=True, spans=[]))
        if not anchors:
            continue
        for copy in range(args.copies):
            inserts = []  # (offset, bytes, category, mode, spam record id)
            for _ in range(rng.randint(1, 3)):
                item = rng.choice(spam)
                cat = item["category"]
                mode = rng.choice(["p", "p", "hidden", "hidden", "inline_link", "link_list"])
                a = rng.choice(anchors)
                if mode == "p":
                    inserts.append((a.end(), f"\n<p>{esc(item['text'])}</p>", cat, mode, item["id"]))
                elif mode == "inline_link":
                    close = a.end() - len(re.search(rb"</p\s*>$", a.group(0), re.I).group(0))
                    el = link(rng, anchor_text(rng, item, keywords), spam_url(rng, item["text"]))
                    inserts.append((close, " " + el, cat, mode, item["id"]))
                elif mode == "hidden":
                    style = rng.choice(HIDDEN_STYLES)
                    if rng.random() < 0.5:
                        inner = f"<p>{esc(item['text'])}</p>"
                    else:
                        kws = [anchor_text(rng, item, keywords) for _ in range(rng.randint(3, 8))]
                        inner = " ".join(link(rng, k, spam_url(rng, item["text"])) for k in kws)
                    el = f'\n<div style="{style}">{inner}</div>'
                    at = tail if rng.random() < 0.5 else a.end()
                    inserts.append((at, el, cat, mode, item["id"]))
                else:  # link_list
                    kws = [anchor_text(rng, item, keywords) for _ in range(rng.randint(3, 8))]
                    items = "".join(
                        f"<li>{link(rng, k, spam_url(rng, item['text']))}</li>" for k in kws)
                    inserts.append((tail, f"\n<ul>{items}</ul>", cat, mode, item["id"]))
            # Apply from the end so offsets of earlier insertions stay valid; then compute spans.
            inserts.sort(key=lambda x: x[0])
            pieces, spans, pos, size = [], [], 0, 0
            for at, el, cat, mode, spam_id in inserts:
                pieces.append(raw[pos:at])
                size += at - pos
                b = el.encode("utf-8")
                lead = len(b) - len(b.lstrip())
                spans.append({"start": size + lead, "end": size + len(b), "category": cat,
                              "mode": mode, "spam_id": spam_id})
                pieces.append(b)
                size += len(b)
                pos = at
            pieces.append(raw[pos:])
            doc = b"".join(pieces)
            try:
                text = doc.decode("utf-8")
            except UnicodeDecodeError:
                continue  # offsets are into the UTF-8 text; skip pages that are not UTF-8
            out.append(dict(base, id=f"{page['id']}#{copy}", html=text, clean=False, spans=spans))
    with open(args.out, "w", encoding="utf-8") as f:
        for d in out:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    n_inj = sum(len(d["spans"]) for d in out)
    print(f"{args.out}: {len(out)} pages ({sum(d['clean'] for d in out)} clean), "
          f"{n_inj} injections", file=sys.stderr)


if __name__ == "__main__":
    main()
