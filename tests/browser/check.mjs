// Render markdown reports the way GitHub shows them (GitHub-flavoured markdown, Mermaid 11
// charts scaled to the column) in headless Chromium, at each width given, and report what a
// reader would stumble on: a chart that fails to parse, a chart label cut at the chart's edge
// or overlapping another label, a table wider than its column, a page that scrolls sideways.
//
//   node check.mjs --chromium /usr/bin/chromium --out DIR --widths 1280,400 [--clip PX] a.md ...
//
// Prints one JSON line per file and width ({file, width, height, problems: [...]}) and saves
// a screenshot of each (DIR/<name>-<width>.png). Exits 1 when any problem is found.
// Used by tests/test_browser.py; `make browser-test-deps` installs what it imports.
import { readFileSync, mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Marked } from "marked";
import puppeteer from "puppeteer-core";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const chromium = option("--chromium", "/usr/bin/chromium");
const out = option("--out", join(here, "screenshots"));
const widths = option("--widths", "1280,400").split(",").map(Number);
const clip = Number(option("--clip", "0")); // screenshots: only the top N px (0: the whole page)
const files = args;
mkdirSync(out, { recursive: true });

const escape = (s) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const marked = new Marked({ gfm: true });
marked.use({
  renderer: {
    code({ text, lang }) {
      if (lang === "mermaid") return `<pre class="mermaid">${escape(text)}</pre>\n`;
      return `<pre><code>${escape(text)}</code></pre>\n`;
    },
  },
});

// GitHub's markdown column: at most 1012 px with 32 px padding (16 px on a phone); tables
// are blocks that scroll inside the column when wider than it.
const css = `
  body { margin: 0; font: 16px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
  .markdown-body { box-sizing: border-box; max-width: 1012px; margin: 0 auto; padding: 32px; }
  @media (max-width: 767px) { .markdown-body { padding: 16px; } }
  table { display: block; width: max-content; max-width: 100%; overflow: auto; border-collapse: collapse; }
  td, th { padding: 6px 13px; border: 1px solid #d1d9e0; }
  pre { overflow: auto; }
  pre.mermaid { overflow: visible; }
  img, svg { max-width: 100%; }
`;

function page_html(markdown) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${css}</style></head>
<body><article class="markdown-body">${marked.parse(markdown)}</article></body></html>`;
}

// Runs in the page: what a reader would stumble on, as plain strings.
function measure() {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) {
    problems.push(`the page scrolls sideways: ${doc.scrollWidth} px in ${window.innerWidth}`);
  }
  for (const [i, table] of [...document.querySelectorAll("table")].entries()) {
    if (table.scrollWidth > table.clientWidth + 1) {
      const head = table.querySelector("th")?.textContent ?? "";
      problems.push(
        `table ${i + 1} ("${head}") is wider than its column: ${table.scrollWidth} px in ${table.clientWidth}`,
      );
    }
  }
  const overlap = (a, b) =>
    a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  for (const [i, svg] of [...document.querySelectorAll("pre.mermaid svg")].entries()) {
    const box = svg.getBoundingClientRect();
    const chart = `chart ${i + 1}`;
    const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim());
    const rects = texts.map((t) => ({ text: t.textContent.trim(), r: t.getBoundingClientRect() }));
    for (const { text, r } of rects) {
      if (r.width === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1) {
        problems.push(`${chart}: label "${text}" is cut at the chart's edge`);
      }
    }
    for (let a = 0; a < rects.length; a++) {
      for (let b = a + 1; b < rects.length; b++) {
        if (rects[a].r.width && rects[b].r.width && overlap(rects[a].r, rects[b].r)) {
          problems.push(`${chart}: labels "${rects[a].text}" and "${rects[b].text}" overlap`);
        }
      }
    }
    const small = rects.filter(({ r }) => r.width && r.height < 8).map(({ text }) => text);
    if (small.length) {
      problems.push(`${chart}: ${small.length} labels smaller than 8 px, e.g. "${small[0]}"`);
    }
  }
  return problems;
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
});
let failed = 0;
try {
  for (const file of files) {
    const html = page_html(readFileSync(file, "utf8"));
    for (const width of widths) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      await page.setContent(html, { waitUntil: "load" });
      await page.addScriptTag({ path: join(here, "node_modules/mermaid/dist/mermaid.min.js") });
      const errors = await page.evaluate(async () => {
        const found = [];
        window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
        for (const [i, node] of [...document.querySelectorAll("pre.mermaid")].entries()) {
          try {
            await window.mermaid.run({ nodes: [node] });
          } catch (err) {
            found.push(`chart ${i + 1} does not parse: ${String(err?.message ?? err).split("\n")[0]}`);
          }
        }
        return found;
      });
      const problems = [...errors, ...(await page.evaluate(measure))];
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const name = basename(file).replace(/\.md$/, "");
      const shot = clip ? { clip: { x: 0, y: 0, width, height: Math.min(clip, height) } } : { fullPage: true };
      await page.screenshot({ path: join(out, `${name}-${width}.png`), ...shot });
      console.log(JSON.stringify({ file, width, height, problems }));
      failed += problems.length ? 1 : 0;
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
