#!/usr/bin/env node
// Audit pages of a built Campus IA site with Lighthouse, served the way a static host serves it.
//
//   node scripts/lighthouse.mjs SITE_DIR PATH... [--runs N [--enough SCORE]] [--reports DIR] [--table]
//
// Serves SITE_DIR on 127.0.0.1 (a free port), answering `Accept-Encoding: gzip` with the
// `.gz` copies the build writes next to each text file (what nginx `gzip_static` does), then
// runs the Lighthouse CLI once per PATH ("fr/", "en/facts/", ...), one after the other, with
// its default mobile emulation and simulated throttling. Prints one JSON array on stdout, in
// the order of the paths:
//
//   {path, url, scores: {performance, accessibility, "best-practices", seo} (0-100),
//    transferBytes, requests, metrics: {fcp, lcp, tbt, cls, si} (ms, CLS unitless),
//    failures: [{category, id, title, score, displayValue}], runtimeError}
//
// `--runs N` audits each page N times (the first run with every category, the others with
// performance only) and reports the median performance score of the runs, as Lighthouse's
// documentation advises ("Run Lighthouse multiple times", docs/variability.md): the score is CPU
// time seen through a simulated phone and moves between runs; `performanceRuns` lists every run's
// score and `metrics` are the median run's. With `--enough SCORE`, a page whose first run scores
// at least SCORE for performance is not run again (a clear pass needs no median).
// `--reports DIR` also keeps each full Lighthouse report (JSON) in DIR; `--table` prints a
// table for people instead of the JSON (scripts/site-report).
// Chromium comes from CHROME_PATH (default /usr/bin/chromium); nothing is downloaded.
// Used by tests/browser/test_lighthouse.py and scripts/site-report.

import { execFile } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const LIGHTHOUSE = join(REPO, "node_modules", ".bin", "lighthouse");
const CHROME_FLAGS = "--headless=new --no-sandbox --disable-background-networking --disable-gpu";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".woff2": "font/woff2",
};

function parseArgs(argv) {
  const args = { site: null, paths: [], reports: null, table: false, runs: 1, enough: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--reports") args.reports = argv[++i];
    else if (argv[i] === "--table") args.table = true;
    else if (argv[i] === "--runs") args.runs = Math.max(1, Number.parseInt(argv[++i], 10) || 1);
    else if (argv[i] === "--enough") args.enough = Number.parseInt(argv[++i], 10);
    else if (args.site === null) args.site = resolve(argv[i]);
    else args.paths.push(argv[i].replace(/^\/+/, ""));
  }
  if (!args.site || args.paths.length === 0) {
    process.stderr.write("usage: node scripts/lighthouse.mjs SITE_DIR PATH... [--reports DIR] [--table]\n");
    process.exit(2);
  }
  return args;
}

/** The file for a URL path (folders give their index.html), or null outside `root`. */
function fileFor(root, urlPath) {
  let path;
  try {
    path = normalize(join(root, decodeURIComponent(urlPath.split("?")[0])));
  } catch {
    return null;
  }
  if (path !== root && !path.startsWith(root + sep)) return null;
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
  return existsSync(path) && statSync(path).isFile() ? path : null;
}

function serve(root) {
  const server = createServer((request, response) => {
    const file = fileFor(root, new URL(request.url, "http://localhost").pathname);
    if (file === null) {
      // Like the host: the site's own "not found" page (robots.txt, for one, is absent).
      const notFound = join(root, "404.html");
      response.writeHead(404, { "Content-Type": TYPES[".html"] });
      if (existsSync(notFound) && request.method !== "HEAD") createReadStream(notFound).pipe(response);
      else response.end();
      return;
    }
    const headers = { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" };
    let body = file;
    if (/\bgzip\b/.test(request.headers["accept-encoding"] ?? "") && existsSync(`${file}.gz`)) {
      body = `${file}.gz`;
      headers["Content-Encoding"] = "gzip";
      headers["Vary"] = "Accept-Encoding";
    }
    headers["Content-Length"] = statSync(body).size;
    response.writeHead(200, headers);
    if (request.method === "HEAD") response.end();
    else createReadStream(body).pipe(response);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

function lighthouse(url, outputPath, performanceOnly = false) {
  const argv = [
    url,
    ...(performanceOnly ? ["--only-categories=performance"] : []),
    "--output=json",
    `--output-path=${outputPath}`,
    `--chrome-flags=${CHROME_FLAGS}`,
    "--quiet",
  ];
  const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH || "/usr/bin/chromium" };
  return new Promise((done, fail) => {
    execFile(LIGHTHOUSE, argv, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`lighthouse ${url} failed (${error.code}): ${stderr || stdout}`));
      else done();
    });
  });
}

function summarise(path, report) {
  const audits = report.audits;
  const total = (audits["resource-summary"]?.details?.items ?? []).find((i) => i.resourceType === "total") ?? {};
  const scores = {};
  const failures = [];
  for (const id of CATEGORIES) {
    const category = report.categories[id];
    scores[id] = category?.score == null ? null : Math.round(category.score * 100);
    for (const ref of category?.auditRefs ?? []) {
      const audit = audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        failures.push({
          category: id,
          id: ref.id,
          title: audit.title,
          score: audit.score,
          displayValue: audit.displayValue ?? null,
        });
      }
    }
  }
  const metric = (id) => audits[id]?.numericValue ?? null;
  return {
    path,
    url: report.finalDisplayedUrl,
    scores,
    transferBytes: total.transferSize ?? null,
    requests: total.requestCount ?? null,
    metrics: {
      fcp: metric("first-contentful-paint"),
      lcp: metric("largest-contentful-paint"),
      tbt: metric("total-blocking-time"),
      cls: metric("cumulative-layout-shift"),
      si: metric("speed-index"),
    },
    failures,
    runtimeError: report.runtimeError?.message ?? null,
  };
}

/** The first run's summary (every category), with the median performance score of all runs. */
function medianOf(runs) {
  const scored = runs.filter((r) => r.scores.performance != null);
  if (scored.length === 0) return runs[0];
  const sorted = [...scored].sort((a, b) => a.scores.performance - b.scores.performance);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return {
    ...runs[0],
    scores: { ...runs[0].scores, performance: median.scores.performance },
    metrics: median.metrics,
    performanceRuns: runs.map((r) => r.scores.performance),
    failures: [
      ...runs[0].failures.filter((f) => f.category !== "performance"),
      ...median.failures.filter((f) => f.category === "performance"),
    ],
    runtimeError: runs.map((r) => r.runtimeError).find((e) => e) ?? null,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(LIGHTHOUSE)) throw new Error(`${LIGHTHOUSE} missing: run scripts/install-test-deps`);
  const work = await mkdtemp(join(tmpdir(), "campus-lighthouse-"));
  const server = await serve(args.site);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const results = [];
  try {
    for (const path of args.paths) {
      const runs = [];
      for (let run = 0; run < args.runs; run++) {
        const name = `${path.replace(/[^a-z0-9]+/gi, "_") || "root"}${run ? `.${run + 1}` : ""}.json`;
        const output = join(work, name);
        await lighthouse(base + path, output, run > 0);
        const text = await readFile(output, "utf-8");
        if (args.reports) {
          await mkdir(args.reports, { recursive: true });
          await writeFile(join(args.reports, name), text);
        }
        runs.push(summarise(path, JSON.parse(text)));
        if (run === 0 && args.enough !== null && (runs[0].scores.performance ?? -1) >= args.enough) break;
      }
      results.push(medianOf(runs));
    }
  } finally {
    server.close();
    await rm(work, { recursive: true, force: true });
  }
  process.stdout.write(args.table ? table(results) : JSON.stringify(results, null, 1) + "\n");
}

function table(results) {
  const head = ["page", "performance", "accessibility", "best practices", "SEO", "transfer (KB)", "requests"];
  const rows = results.map((r) => [
    `/${r.path}`,
    ...CATEGORIES.map((c) => String(r.scores[c] ?? "-")),
    r.transferBytes == null ? "-" : (r.transferBytes / 1024).toFixed(1),
    String(r.requests ?? "-"),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const notes = results.flatMap((r) => [
    ...(r.runtimeError ? [`/${r.path}: Lighthouse error: ${r.runtimeError}`] : []),
    ...r.failures
      .filter((f) => f.category !== "performance")
      .map((f) => `/${r.path}: ${f.category}: ${f.id} (${f.score})`),
  ]);
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ...notes, ""].join("\n");
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
