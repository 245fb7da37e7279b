// Lighthouse (mobile preset) on one page of every type of a built site, served on 127.0.0.1 under a
// sub-path as a government host would serve it. A benchmark, not a test: it prints a table and exits 0
// whatever the scores; read the figures, compare before and after.
//
// Usage (from the repository root, after `dotnet run -c Release -- build`):
//   tests/lighthouse/run [--site DIR] [--runs N] [page ...]
// Pages are paths under the site (e.g. en/glossary.html); a path that does not exist is served the
// 404 page of its language with status 404, as the host does. Each page is measured N times (default 3:
// scores move with the load of a shared machine): the table shows the run of median performance, and
// the worst cumulative layout shift of all runs.
// The JSON reports land in tests/artifacts/lighthouse/.
//
// Two findings on the 404 page are by design, not defects: at a missing address it answers 404, which
// Lighthouse counts against best practices (the document's 404 is logged to the console) and SEO
// (http-status-code); and it carries noindex (is-crawlable), so that a host that serves it with status
// 200 does not get it indexed.

import { createServer } from "node:http";
import { readFile, stat, mkdir, writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const subPath = "/gzbg2023/";

// One page of every type, in both languages where the layout differs by language (Chinese text, English text).
const defaultPages = [
  ["home", "index.html"],
  ["chapter", "review-2022.html"],
  ["chapter (closing)", "closing.html"],
  ["glossary", "glossary.html"],
  ["contents", "contents.html"],
  ["full report", "full.html"],
  ["404 (a missing address)", "no/such/page.html"],
  ["404 (the page itself)", "404.html"],
  ["home (en)", "en/index.html"],
  ["chapter (en)", "en/review-2022.html"],
  ["glossary (en)", "en/glossary.html"],
  ["key figures", "figures.html"],
  ["key figures (en)", "en/figures.html"],
  ["search with results", "search.html?q=养老"],
  ["search with results (en)", "en/search.html?q=pocket%20parks"],
  ["side by side", "review-2022.parallel.html"],
];

// The same flags as the browser tests (tests/Microsite.Tests/Browser/BrowserFixture.cs): the network
// here allows no outside hosts, and the proxy flag keeps chromium from trying.
const chromeFlags = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--proxy-server=127.0.0.1:9",
];

function parseArgs(argv) {
  const options = { site: path.join(repo, "output"), runs: 3, pages: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--site") options.site = path.resolve(argv[++i]);
    else if (argv[i] === "--runs") options.runs = Math.max(1, parseInt(argv[++i], 10) || 1);
    else if (argv[i] === "--help" || argv[i] === "-h") {
      console.log("usage: tests/lighthouse/run [--site DIR] [--runs N] [page ...]");
      process.exit(0);
    } else options.pages.push([argv[i], argv[i]]);
  }
  if (options.pages.length === 0) options.pages = defaultPages;
  return options;
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function serve(site) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    if (!url.pathname.startsWith(subPath)) {
      response.writeHead(404).end();
      return;
    }
    let relative = decodeURIComponent(url.pathname.slice(subPath.length));
    if (relative === "" || relative.endsWith("/")) relative += "index.html";
    const file = path.resolve(site, relative);
    const found = file.startsWith(site + path.sep) && (await isFile(file));
    // Like a host's error page per language: English addresses get the English 404.
    const served = found ? file : path.join(site, relative.startsWith("en/") ? "en/404.html" : "404.html");
    const body = await readFile(served);
    response.writeHead(found ? 200 : 404, {
      "Content-Type": types[path.extname(served)] ?? "application/octet-stream",
      "Content-Length": body.length,
    });
    response.end(body);
  });
  return new Promise(resolve => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function median(runs) {
  const sorted = [...runs].sort((a, b) => a.categories.performance.score - b.categories.performance.score);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const score = category => (category.score === null ? "n/a" : String(Math.round(category.score * 100)));

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!(await isFile(path.join(options.site, "index.html")))) {
    console.error(`no built site in ${options.site}: run \`dotnet run -c Release -- build\` first (this script builds nothing)`);
    process.exit(2);
  }

  const server = await serve(options.site);
  const base = `http://127.0.0.1:${server.address().port}${subPath}`;
  const userDataDir = await mkdtemp(path.join(tmpdir(), "microsite-lighthouse-"));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags,
    userDataDir,
  });
  const reports = path.join(repo, "tests", "artifacts", "lighthouse");
  await mkdir(reports, { recursive: true });

  const rows = [];
  const failing = [];
  try {
    for (const [name, page] of options.pages) {
      const runs = [];
      for (let i = 0; i < options.runs; i++) {
        const result = await lighthouse(base + page, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
          // The 404 page is meant to answer 404: measure it rather than stop.
          ignoreStatusCode: true,
        });
        if (result.lhr.runtimeError) throw new Error(`${page}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
        runs.push(result.lhr);
      }
      const lhr = median(runs);
      await writeFile(path.join(reports, page.replace(/[/]/g, "-").replace(/\.html$/, "") + ".json"), JSON.stringify(lhr));
      const c = lhr.categories;
      // A layout shift depends on timing (whether the first paint comes before the document has
      // loaded), so one run can miss it: the worst run's figure is shown.
      const cls = Math.max(...runs.map(run => run.audits["cumulative-layout-shift"].numericValue));
      rows.push([name, page, score(c.performance), score(c.accessibility), score(c["best-practices"]), score(c.seo),
        cls.toFixed(3), Math.round(lhr.audits["largest-contentful-paint"].numericValue) + " ms"]);
      for (const id of ["accessibility", "best-practices", "seo"]) {
        for (const ref of c[id].auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${page}: ${id}: ${ref.id} (${audit.title})`);
        }
      }
      process.stderr.write(`measured ${page}\n`);
    }
  } finally {
    await chrome.kill();
    server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }

  const header = ["page type", "path", "performance", "accessibility", "best practices", "SEO", "CLS (worst run)", "LCP"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
  const line = r => "| " + r.map((cell, i) => cell.padEnd(widths[i])).join(" | ") + " |";
  console.log(`Lighthouse ${lighthouseVersion} (mobile preset, simulated throttling), ${options.runs} run(s) per page: the run of median performance, and the worst CLS of all runs`);
  console.log(line(header));
  console.log("|" + widths.map(w => "-".repeat(w + 2)).join("|") + "|");
  for (const row of rows) console.log(line(row));
  if (failing.length > 0) {
    console.log("\naudits below 100 in accessibility, best practices or SEO:");
    for (const f of failing) console.log("  " + f);
  }
}

const lighthouseVersion = JSON.parse(await readFile(path.join(here, "node_modules", "lighthouse", "package.json"), "utf8")).version;

await main();
