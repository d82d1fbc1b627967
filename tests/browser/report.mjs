// Open pmopath's HTML reports in headless Chromium as a reader would, at each width given,
// and print each to PDF on each paper size given; report what a reader would stumble on.
//
//   node report.mjs --chromium /usr/bin/chromium --out DIR --widths 1280,400 --papers A4,Letter [--clip PX] a.html ...
//
// Prints one JSON line per file and width ({file, width, height, problems, requests, dom})
// and per file and paper ({file, paper, pages, problems}: the same checks on the print
// layout at the paper's text width, and the PDF's page count); saves DIR/<name>-<width>.png and
// DIR/<name>-<paper>.pdf. A problem: the page scrolls sideways; text sticks out of its box
// (any element but a table's own scrolling box); a chart label is cut at the chart's edge,
// overlaps another or is under 8 px; text contrast below WCAG AA (4.5:1, large text 3:1); any request at all beyond the file itself (each is
// intercepted and failed). `dom` counts what an injection would add (script, img, iframe,
// object, embed, link, elements with an on* attribute) and holds the page's text, so the
// caller can check that hostile names were shown literally. Exits 1 on any problem.
// Used by tests/test_browser.py.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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
const widths = option("--widths", "1280,400").split(",").filter(Boolean).map(Number);
const papers = option("--papers", "A4,Letter").split(",").filter(Boolean);
const clip = Number(option("--clip", "0")); // screenshots: only the top N px (0: the whole page)
const files = args.map((f) => resolve(f));
mkdirSync(out, { recursive: true });

// Runs in the page: what a reader would stumble on, as plain strings.
function measure() {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) {
    problems.push(`the page scrolls sideways: ${doc.scrollWidth} px in ${window.innerWidth}`);
  }
  const describe = (el) =>
    `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} ("${(el.textContent || "").trim().slice(0, 40)}")`;
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg") || el.closest(".table-wrap")) continue;
    const style = getComputedStyle(el);
    if (style.display === "inline" || style.overflowX !== "visible") continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      problems.push(`text sticks out of ${describe(el)}: ${el.scrollWidth} px in ${el.clientWidth}`);
    }
  }
  for (const wrap of document.querySelectorAll(".table-wrap")) {
    const box = wrap.getBoundingClientRect();
    if (box.right > window.innerWidth + 1) {
      problems.push(`a table's box ends outside the page: ${describe(wrap)}`);
    }
  }
  const overlap = (a, b) =>
    a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  for (const [i, svg] of [...document.querySelectorAll("svg")].entries()) {
    const box = svg.getBoundingClientRect();
    const chart = `chart ${i + 1} (${svg.querySelector("title")?.textContent ?? ""})`;
    if (box.right > window.innerWidth + 1) problems.push(`${chart} is wider than the page`);
    const rects = [...svg.querySelectorAll("text")]
      .filter((t) => t.textContent.trim())
      .map((t) => ({ text: t.textContent.trim(), r: t.getBoundingClientRect() }));
    for (const { text, r } of rects) {
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        problems.push(`${chart}: label "${text}" is cut at the chart's edge`);
      }
    }
    for (let a = 0; a < rects.length; a++) {
      for (let b = a + 1; b < rects.length; b++) {
        if (overlap(rects[a].r, rects[b].r)) {
          problems.push(`${chart}: labels "${rects[a].text}" and "${rects[b].text}" overlap`);
        }
      }
    }
    const small = rects.filter(({ r }) => r.height < 8).map(({ text }) => text);
    if (small.length) problems.push(`${chart}: ${small.length} labels under 8 px, e.g. "${small[0]}"`);
  }
  // WCAG AA: text against what is behind it, 4.5:1 (3:1 for large text: 24 px, or 18.66 px bold)
  const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const behind = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = new Set();
  for (const el of document.body.querySelectorAll("*")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest(".visually-hidden")) continue;
    const style = getComputedStyle(el);
    const ink = rgb(el.closest("svg") ? style.fill : style.color).slice(0, 3);
    const [a, b] = [lum(ink), lum(behind(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) low.add(`${describe(el)} ${ratio.toFixed(2)}:1`);
  }
  for (const item of low) problems.push(`contrast below WCAG AA: ${item}`);
  const onAttributes = [...document.querySelectorAll("*")].filter((el) =>
    [...el.attributes].some((a) => a.name.toLowerCase().startsWith("on")),
  ).length;
  const dom = {
    script: document.querySelectorAll("script").length,
    img: document.querySelectorAll("img").length,
    iframe: document.querySelectorAll("iframe").length,
    object: document.querySelectorAll("object, embed").length,
    link: document.querySelectorAll("link").length,
    on: onAttributes,
    text: document.body.innerText,
  };
  return { problems, dom, height: doc.scrollHeight };
}

async function open(browser, file, requests) {
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url() === url) return request.continue();
    requests.push(request.url());
    return request.abort();
  });
  await page.goto(url, { waitUntil: "load" });
  return page;
}

const PAPER_MM = { A4: 210, Letter: 215.9 }; // paper widths
const countPages = (pdf) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) || []).length;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
});
let failed = 0;
try {
  for (const file of files) {
    const name = basename(file).replace(/\.html$/, "");
    for (const width of widths) {
      const requests = [];
      const page = await open(browser, file, requests);
      await page.setViewport({ width, height: 900 });
      const { problems, dom, height } = await page.evaluate(measure);
      problems.push(...requests.map((r) => `a request was made: ${r}`));
      const shot = clip ? { clip: { x: 0, y: 0, width, height: Math.min(clip, height) } } : { fullPage: true };
      await page.screenshot({ path: join(out, `${name}-${width}.png`), ...shot });
      console.log(JSON.stringify({ file, width, height, problems, requests, dom }));
      failed += problems.length ? 1 : 0;
      await page.close();
    }
    for (const paper of papers) {
      const requests = [];
      const page = await open(browser, file, requests);
      // the print layout at the paper's text width (report.css: 15 mm margins each side)
      await page.emulateMediaType("print");
      await page.setViewport({ width: Math.floor(((PAPER_MM[paper] - 30) * 96) / 25.4), height: 1000 });
      const printed = (await page.evaluate(measure)).problems.map((p) => `in print: ${p}`);
      await page.emulateMediaType(null);
      const pdf = Buffer.from(await page.pdf({ format: paper, printBackground: true }));
      writeFileSync(join(out, `${name}-${paper}.pdf`), pdf);
      const problems = [...printed, ...requests.map((r) => `a request was made: ${r}`)];
      console.log(JSON.stringify({ file, paper, pages: countPages(pdf), problems }));
      failed += problems.length ? 1 : 0;
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
