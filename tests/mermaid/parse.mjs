// Parse every ```mermaid block of the markdown files named on the command line with
// Mermaid's own parser, in a minimal jsdom window (no browser needed). Prints one JSON
// line per block; for a gantt also what Mermaid made of it: its bars, milestones, the
// today marker and any task whose dates did not compute. Exits 1 if a block fails.
// Used by tests/test_mermaid.py; `make mermaid-test-deps` installs what it imports.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!DOCTYPE html><body></body>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

const valid = (date) => date instanceof Date && !Number.isNaN(date.getTime());

let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const blocks = [...text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  for (const [i, block] of blocks.entries()) {
    const out = { file, block: i + 1, type: null, ok: false, error: null };
    try {
      out.type = (await mermaid.parse(block)).diagramType;
      if (out.type === "gantt") {
        const { db } = await mermaid.mermaidAPI.getDiagramFromText(block);
        const tasks = db.getTasks();
        out.bars = tasks.filter((t) => !t.milestone).length;
        out.milestones = tasks.filter((t) => t.milestone).length;
        out.todayMarker = db.getTodayMarker();
        out.badDates = tasks.filter((t) => !valid(t.startTime) || !valid(t.endTime)).length;
      }
      out.ok = !out.badDates;
      if (out.badDates) out.error = `${out.badDates} tasks with dates Mermaid could not compute`;
    } catch (err) {
      out.error = String(err?.message ?? err);
    }
    failed += out.ok ? 0 : 1;
    console.log(JSON.stringify(out));
  }
}
process.exit(failed ? 1 : 0);
