#!/usr/bin/env python3
"""`pbp report --html` in a real browser (headless Chromium), on every bundled model.

For each model: write the page, let Chromium load it (every host name mapped to nowhere, and a
network log kept), dump the DOM it built and take a screenshot, then check through that DOM:
every section is there; each accountability diagram has the nodes and edges that `pbp
accountability` and `pbp decides` give for its place (or board), counted here independently;
the amounts on each year's Sankey diagram sum, exactly (Decimal), to what `pbp balances`
prints for every node; nothing is loaded from the network. A model whose names are hostile
HTML (`<script>`, `&`, quotes) must come out escaped.

usage: report_html_test.py PBP OUTDIR DOCS_EXAMPLE MODEL...
Exit 77 (ctest: skipped) when Chromium is not installed.
"""
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from html.parser import HTMLParser

SECTIONS = ["accountability", "money", "decisions", "geography", "problems", "entities"]
MAX_DIAGRAMS = 60  # src/report_html_accountability.cpp


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Dom(HTMLParser):
    """The parts of the DOM the checks read, with the element stack to know what is inside what."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, attrs)
        self.sections = []
        self.diagrams = []  # {"id", "nodes", "edges"}
        self.flows = []  # {"year", "from", "to", "amount"}
        self.links = []  # every href/src value
        self.ids = set()
        self.scripts = 0
        self.year = None
        self._text = None

    def inside(self, tag, cls=None):
        for t, a in reversed(self.stack):
            if t == tag and (cls is None or cls in (a.get("class") or "").split()):
                return a
        return None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in ("br", "meta", "rect", "path", "line", "polygon", "ellipse", "polyline", "img", "input", "hr"):
            self.stack.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        for k in ("href", "src", "xlink:href", "action", "poster", "data"):
            if k in a and a[k] is not None:
                self.links.append(a[k])
        if tag == "script":
            self.scripts += 1
        if tag == "section":
            self.sections.append(a.get("id"))
        if tag == "article" and (a.get("id") or "").startswith("money-"):
            self.year = a["id"][len("money-"):]
        if tag == "svg" and "accountability" in (a.get("class") or "").split():
            fig = self.inside("figure")
            self.diagrams.append({"id": fig.get("id") if fig else None, "nodes": 0, "edges": 0})
        if tag == "g" and self.inside("svg", "accountability"):
            cls = (a.get("class") or "").split()
            if "node" in cls:
                self.diagrams[-1]["nodes"] += 1
            if "edge" in cls:
                self.diagrams[-1]["edges"] += 1
        if tag == "g" and "flow" in (a.get("class") or "").split() and self.inside("svg", "sankey"):
            cls = (a.get("class") or "").split()
            self.flows.append({"year": self.year, "from": a.get("data-from"), "to": a.get("data-to"), "amount": None,
                               "restricted": "restricted" in cls, "pooled": "pooled" in cls, "marker": ""})
        if tag == "text" and self.inside("g", "flow"):
            cls = (a.get("class") or "").split()
            if "amount" in cls:
                self._text, self._into = "", "amount"
            elif "marker" in cls:
                self._text, self._into = "", "marker"

    def handle_endtag(self, tag):
        if tag == "text" and self._text is not None:
            self.flows[-1][self._into] = self._text
            self._text = None
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break

    def handle_data(self, data):
        if self._text is not None:
            self._text += data


def money(text):
    """'£1,234.50' or '-£1,234.50' (Money::to_display) as an exact Decimal."""
    t = text.strip().replace(",", "")
    neg = t.startswith("-")
    t = t.lstrip("-").lstrip("£")
    d = Decimal(t)
    return -d if neg else d


class Queries:
    def __init__(self, pbp, model):
        self.pbp, self.model = pbp, model
        self.cache = {}

    def run(self, *args):
        key = args
        if key not in self.cache:
            r = subprocess.run([self.pbp, *args], capture_output=True, text=True)
            self.cache[key] = (r.returncode, r.stdout, r.stderr)
        return self.cache[key]

    def json(self, *args):
        rc, out, err = self.run(*args, "--json", "--force")
        if rc != 0:
            return None
        return json.loads(out)


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def expected_diagrams(q, model):
    """Nodes and edges of each accountability diagram, from the JSON queries (the definition in
    src/report_html_accountability.cpp, restated)."""
    rc, out, err = q.run("export", model, "--format", "json")
    assert rc == 0, err
    doc = json.loads(out)
    places = sorted(a["id"] for a in doc.get("areas", []) if a.get("kind") == "place")
    boards = sorted(o["id"] for o in doc.get("organisations", []) if o.get("kind") == "icb")
    per_place = bool(places)
    scopes = (places if per_place else boards)[:MAX_DIAGRAMS]
    functions = sorted(f["id"] for f in doc.get("functions", []))
    result = {}
    for s in scopes:
        if per_place:
            bodies = [b["id"] for b in doc.get("bodies", []) if b.get("place") == s]
            members = list(bodies)
        else:
            bodies = [b["id"] for b in doc.get("bodies", []) if s in as_list(b.get("of"))]
            members = [s] + bodies
        members += [p["id"] for p in doc.get("posts", []) if p.get("in") in bodies]
        nodes, answers, delegates = set(), set(), set()

        def chain(ids):
            for k, n in enumerate(ids):
                nodes.add(n)
                if k > 0 and ids[k - 1] != n:
                    answers.add((ids[k - 1], n))

        for n in members:
            a = q.json("accountability", model, n)
            assert a is not None, f"pbp accountability {model} {n} failed"
            chain(a["chain"])
        if per_place:
            for f in functions:
                d = q.json("decides", model, "--function", f, "--place", s)
                if d is None:  # its holder does not exist: the page says so, no diagram edge
                    continue
                dc = d["delegation_chain"]
                for k, n in enumerate(dc):
                    nodes.add(n)
                    if k > 0:
                        delegates.add((dc[k - 1], n))
                chain(d["accountability_chain"])
        result["accountability-" + s] = (len(nodes), len(answers) + len(delegates))
    return result, doc


def browse(browser, html, outdir, stem):
    url = "file://" + os.path.abspath(html)
    netlog = os.path.join(outdir, stem + ".netlog.json")
    common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking",
              "--disable-component-update", "--no-first-run", "--log-net-log=" + netlog]
    dom = subprocess.run(common + ["--dump-dom", url], capture_output=True, text=True, timeout=300)
    assert dom.returncode == 0 and dom.stdout.strip(), f"chromium --dump-dom failed: {dom.stderr[-2000:]}"
    png = os.path.join(outdir, stem + ".png")
    shot = subprocess.run(common[:-1] + ["--screenshot=" + png, "--window-size=1280,4000", url],
                          capture_output=True, text=True, timeout=300)
    assert shot.returncode == 0 and os.path.getsize(png) > 0, f"chromium --screenshot failed: {shot.stderr[-2000:]}"
    return dom.stdout, netlog


def network_requests(netlog):
    """URLs the page asked for over the network, from Chromium's network log. Chromium itself
    asks for some (time, component updates, spelling dictionaries: all failing, since every host
    is mapped to nowhere); those carry the initiator "not an origin". A request the page made
    carries the page's origin ("null" for a file)."""
    try:
        with open(netlog, encoding="utf-8", errors="replace") as f:
            log = json.load(f)
    except (OSError, ValueError) as e:
        return [f"(no readable network log: {e})"]
    # A URL request's start (URL_REQUEST_START_JOB) names its url and initiator; other events of
    # the same source repeat the url alone.
    bad = []
    for event in log.get("events", []):
        params = event.get("params") or {}
        url, initiator = params.get("url"), params.get("initiator")
        if not url or "initiator" not in params or url.startswith(("file:", "data:", "about:", "chrome:")):
            continue
        if initiator != "not an origin":
            bad.append(f"{url} (initiator {initiator})")
    return bad


def check_page(pbp, browser, model, outdir, failures):
    stem = os.path.basename(model).replace(".json", "")
    html = os.path.join(outdir, stem + ".html")
    r = subprocess.run([pbp, "report", model, "--html", html], capture_output=True, text=True)
    if r.returncode not in (0, 1) or not os.path.exists(html):
        failures.append(f"{stem}: pbp report --html exited {r.returncode}: {r.stderr}")
        return
    text, netlog = browse(browser, html, outdir, stem)
    dom = Dom()
    dom.feed(text)
    fails = []
    for s in SECTIONS:
        if s not in dom.sections:
            fails.append(f"section #{s} missing")
    if dom.scripts:
        fails.append(f"{dom.scripts} <script> elements")
    for link in dom.links:
        if link.startswith(("http:", "https:", "//", "ftp:", "ws:", "wss:")):
            fails.append(f"external reference {link!r}")
        if link.startswith("#") and link[1:] not in dom.ids:
            fails.append(f"link to missing anchor {link!r}")
    requests = network_requests(netlog)
    if requests:
        fails.append(f"network requests: {requests[:5]}")

    q = Queries(pbp, model)
    expected, doc = expected_diagrams(q, model)
    got = {d["id"]: (d["nodes"], d["edges"]) for d in dom.diagrams}
    if set(got) != set(expected):
        fails.append(f"diagrams {sorted(got)} but expected {sorted(expected)}")
    for k, v in expected.items():
        if k in got and got[k] != v:
            fails.append(f"{k}: {got[k][0]} nodes and {got[k][1]} edges drawn, expected {v[0]} and {v[1]}")

    years = sorted({f["year"] for f in doc.get("flows", [])})
    for y in years:
        if ("money-" + y) not in dom.ids:
            fails.append(f"no money section for {y}")
            continue
        flows = [f for f in dom.flows if f["year"] == y]
        for f in flows:  # restricted and pooled money is told in words, not by pattern alone
            if f["restricted"] and not any(w in f["marker"] for w in ("ring-fenced", "pass-through", "mandated")):
                fails.append(f"{y} {f['from']} -> {f['to']}: restricted money without a text marker")
            if f["pooled"] and "pooled" not in f["marker"]:
                fails.append(f"{y} {f['from']} -> {f['to']}: pooled money without a text marker")
        if not flows:
            continue  # too many links for a diagram: the page says so and shows the table
        b = q.json("balances", model, "--year", y)
        for node in b["nodes"]:
            inflow = sum((money(f["amount"]) for f in flows if f["to"] == node["id"]), Decimal("0.00"))
            outflow = sum((money(f["amount"]) for f in flows if f["from"] == node["id"]), Decimal("0.00"))
            if inflow != Decimal(node["inflow"]) or outflow != Decimal(node["outflow"]):
                fails.append(f"{y} {node['id']}: Sankey shows in {inflow} out {outflow}, "
                             f"balances say in {node['inflow']} out {node['outflow']}")
    n_flows = len(dom.flows)
    print(f"{stem}: {len(dom.diagrams)} diagrams, {n_flows} Sankey links in {len(years)} years, "
          f"{len(dom.ids)} anchors; screenshot {os.path.join(outdir, stem + '.png')}")
    failures += [f"{stem}: {f}" for f in fails]


def check_hostile(pbp, browser, example, outdir, failures):
    """Names from a user's file are text, never markup."""
    r = subprocess.run([pbp, "export", example, "--format", "json"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    evil = "<script>alert(1)</script> & \"quoted\" 'single' <b>bold</b>"
    doc["name"] = "Model " + evil
    for section in ("areas", "organisations", "bodies", "posts", "functions"):
        for e in doc.get(section, []):
            e["name"] = e.get("name", e["id"]) + " " + evil
    path = os.path.join(outdir, "hostile.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    html = os.path.join(outdir, "hostile.html")
    r = subprocess.run([pbp, "report", path, "--html", html], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        failures.append(f"hostile: pbp report --html exited {r.returncode}: {r.stderr}")
        return
    raw = open(html, encoding="utf-8").read()
    if "<script" in raw or "<b>bold" in raw:
        failures.append("hostile: a name's markup reached the page unescaped")
    text, _ = browse(browser, html, outdir, "hostile")
    dom = Dom()
    dom.feed(text)
    if dom.scripts:
        failures.append("hostile: the browser built a <script> element")
    if "&lt;script&gt;" not in text:
        failures.append("hostile: the escaped name is not shown as text")
    print("hostile: names escaped")


def main():
    pbp, outdir, example, models = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    browser = chromium()
    if not browser:
        print("SKIP: chromium is not installed (apt-get install chromium; scripts/install-deps.sh installs it)")
        return 77
    os.makedirs(outdir, exist_ok=True)
    failures = []
    for model in models:
        check_page(pbp, browser, model, outdir, failures)
    check_hostile(pbp, browser, example, outdir, failures)
    for f in failures:
        print("FAIL", f)
    print(f"{len(models)} models and one hostile model checked, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
