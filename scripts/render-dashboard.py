#!/usr/bin/env python3
"""Draws the panels of docs/grafana/aftersales-dashboard.json from one real scrape of
/actuator/prometheus (saved by MetricsApiTest as target/actuator-prometheus.txt) with Chart.js in
headless Chromium, and saves docs/grafana/aftersales-dashboard.png. It is a rendering of the
dashboard's panels from a test run's figures, not a Grafana screenshot: one scrape has no history,
so each panel shows the values at the scrape (totals since the start, p95 over the whole run).

    mvn -B -o test -Dtest=MetricsApiTest && scripts/render-dashboard.py
"""
import glob, json, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRAPE = os.path.join(ROOT, "target", "actuator-prometheus.txt")
OUT = os.path.join(ROOT, "docs", "grafana", "aftersales-dashboard.png")
LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$')
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def series(name):
    """(labels, value) of every sample of the metric in the scrape."""
    with open(SCRAPE, encoding="utf-8") as f:
        for line in f:
            m = LINE.match(line.strip())
            if m and m.group(1) == name:
                yield dict(LABEL.findall(m.group(2) or "")), float(m.group(3))


def by(name, label, where=lambda l: True):
    out = {}
    for labels, v in series(name):
        if where(labels):
            out[labels.get(label, "")] = out.get(labels.get(label, ""), 0) + v
    return out


def p95(prefix, label):
    """p95 per label value from the cumulative histogram buckets of the whole run."""
    buckets = {}
    for labels, v in series(prefix + "_bucket"):
        buckets.setdefault(labels.get(label, ""), []).append((float(labels["le"]), v))
    out = {}
    for key, bs in buckets.items():
        bs.sort()
        total = bs[-1][1]
        if total:
            out[key] = next(le for le, c in bs if c >= 0.95 * total)
    return dict(sorted(out.items(), key=lambda kv: -kv[1])[:8])


def main():
    if not os.path.exists(SCRAPE):
        sys.exit("no scrape: run mvn -B -o test -Dtest=MetricsApiTest first")
    dashboard = json.load(open(os.path.join(ROOT, "docs", "grafana", "aftersales-dashboard.json")))
    titles = [p["title"] for p in dashboard["panels"] if p["type"] != "row"]
    heard = by("aftersales_shop_last_heard_age_seconds", "channel")
    panels = [
        (titles[0], by("aftersales_tasks_open", "queue"), "tasks"),
        (titles[1], by("aftersales_tasks_overdue", "queue"), "tasks"),
        (titles[2], by("aftersales_tasks_by_deadline", "deadline"), "tasks"),
        ("Cases opened per kind (total in the run)", by("aftersales_cases_opened_total", "kind"), "cases"),
        ("Cases closed per kind (total in the run)", by("aftersales_cases_closed_total", "kind"), "cases"),
        ("Refunds agreed (count, yuan)", {**{k + " count": v for k, v in by("aftersales_refunds_agreed_total", "way").items()},
                                          **{k + " yuan": v for k, v in by("aftersales_refunds_agreed_amount_yuan_total", "way").items()}}, ""),
        ("Job lag p95 over the run (s)", p95("aftersales_jobs_lag_seconds", "type") or {"no lag recorded (jobs run by the test)": 0}, "s"),
        ("Jobs executed / failed (total)", {"executed": sum(by("aftersales_jobs_executed_total", "x").values()),
                                             "failed": sum(by("aftersales_jobs_failed_total", "x").values()),
                                             "due, not taken": sum(by("aftersales_jobs_due", "x").values())}, "jobs"),
        (titles[8], by("aftersales_incidents_open", "type") or {"none": 0}, "incidents"),
        ("HTTP p95 per endpoint over the run (s)", p95("http_server_requests_seconds", "uri"), "s"),
        ("Shop calls by outcome (total)", by("aftersales_shop_calls_seconds_count", "outcome"), "calls"),
        (titles[11], heard or {"no data: local adapter in this run": 0}, "s"),
    ]
    chart = glob.glob(os.path.expanduser(
        "~/.m2/repository/org/webjars/npm/chart.js/*/chart.js-*.jar"))[0]
    js = subprocess.run(["unzip", "-p", chart, "*/dist/chart.umd.js"], capture_output=True, check=True).stdout.decode()
    html = ["<html><head><meta charset='utf-8'><style>body{background:#111217;color:#ccc;font:13px sans-serif;margin:12px}"
            "h1{font-size:16px}.g{display:grid;grid-template-columns:repeat(3,1fr);gap:10px}"
            ".p{background:#181b1f;border:1px solid #2c3235;padding:8px;height:240px}.p h2{font-size:13px;margin:0 0 4px}"
            "canvas{max-height:205px}</style><script>", js, "</script></head><body>",
            "<h1>After-sales workflow — panels of docs/grafana/aftersales-dashboard.json drawn from one scrape of "
            "/actuator/prometheus in a test run (MetricsApiTest), not a Grafana screenshot</h1><div class='g'>"]
    for i, (title, data, unit) in enumerate(panels):
        html.append(f"<div class='p'><h2>{title}</h2><canvas id='c{i}'></canvas></div>")
        html.append("<script>new Chart(document.getElementById('c%d'),{type:'bar',data:{labels:%s,datasets:[{label:'%s',"
                    "data:%s,backgroundColor:'#73bf69'}]},options:{animation:false,indexAxis:'y',plugins:{legend:{display:false}},"
                    "scales:{x:{ticks:{color:'#aaa'}},y:{ticks:{color:'#ccc'}}}}});</script>"
                    % (i, json.dumps(list(data.keys()), ensure_ascii=False), unit, json.dumps(list(data.values()))))
    html.append("</div></body></html>")
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as f:
        f.write("".join(html))
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=1500,1090", "--screenshot=" + OUT, "file://" + f.name], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
