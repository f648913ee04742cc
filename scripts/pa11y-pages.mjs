#!/usr/bin/env node
// Run pa11y (HTML_CodeSniffer, WCAG 2 AA) on pages of a served site, in one browser.
//
//   node scripts/pa11y-pages.mjs BASE_URL PATH...
//
// BASE_URL is where the built site is served ("http://127.0.0.1:8123/"); each PATH is a
// page under it ("fr/", "en/facts/", "404.html"). One Chromium (Debian's, never one
// downloaded by npm) is launched for all pages, and two pages are audited at a time: the
// cost is then one browser start, not one per page. Prints one JSON array on stdout, in
// the order of the paths:
//
//   {path, url, issues: [{code, type, message, selector, context}]}
//
// Errors only (no warnings or notices). Exit 1 on a failure to audit (not on findings: the
// caller decides what is allowed). Used by tests/support/html_checkers.py.

import pa11y from "pa11y";
import puppeteer from "puppeteer";

const CONCURRENCY = 2;
const TIMEOUT_MS = 60_000;

// pa11y's own name for the launch options; used here to launch the one shared browser.
const chromeLaunchConfig = {
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless=new",
    "--no-sandbox", // CI runs as root
    "--disable-gpu",
    "--disable-background-networking", // a closed network: no calls home
    "--disable-component-update",
    "--disable-dev-shm-usage",
  ],
};

async function audit(browser, base, path) {
  const url = new URL(path, base).href;
  const page = await browser.newPage();
  try {
    const result = await pa11y(url, {
      browser,
      page,
      runners: ["htmlcs"],
      standard: "WCAG2AA",
      includeNotices: false,
      includeWarnings: false,
      timeout: TIMEOUT_MS,
    });
    const issues = result.issues.map(({ code, type, message, selector, context }) => ({
      code,
      type,
      message,
      selector,
      context,
    }));
    return { path, url, issues };
  } finally {
    await page.close().catch(() => {});
  }
}

async function main(argv) {
  const [base, ...paths] = argv;
  if (!base || paths.length === 0) {
    process.stderr.write("usage: node scripts/pa11y-pages.mjs BASE_URL PATH...\n");
    return 2;
  }
  const browser = await puppeteer.launch(chromeLaunchConfig);
  try {
    const results = new Array(paths.length);
    let next = 0;
    const worker = async () => {
      while (next < paths.length) {
        const index = next++;
        results[index] = await audit(browser, base, paths[index]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, paths.length) }, worker));
    process.stdout.write(JSON.stringify(results) + "\n");
    return 0;
  } finally {
    await browser.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`pa11y-pages: ${error.stack || error}\n`);
    process.exit(1);
  },
);
