// Prints pages of a running site to PDF with headless Chromium, as a person would print them
// (print media, the browser's own page size): run by tests/browser.rs, which reads the PDFs.
//
//   node print.mjs --base http://127.0.0.1:PORT --out DIR --chromium /usr/bin/chromium \
//     --jobs '[{"name": "referral-letter", "path": "/handouts/referral?...", "format": "Letter"}]'
//
// Writes DIR/<name>.pdf for each job; a job with "width" and "selector" instead writes
// DIR/<name>.json, the element's scrollWidth and clientWidth on a screen that wide. Exits non-zero
// when a page does not answer 200.

import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values: options } = parseArgs({
  options: {
    base: { type: "string" },
    out: { type: "string" },
    chromium: { type: "string", default: "/usr/bin/chromium" },
    jobs: { type: "string" },
  },
});
mkdirSync(options.out, { recursive: true });
const browser = await chromium.launch({
  executablePath: options.chromium,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
let failed = false;
for (const job of JSON.parse(options.jobs)) {
  const page = await browser.newPage(job.width ? { viewport: { width: job.width, height: 900 } } : {});
  const response = await page.goto(new URL(job.path, options.base).href, { waitUntil: "load" });
  if (response.status() !== 200) {
    console.log(`FAIL ${job.path}: ${response.status()}`);
    failed = true;
  }
  if (job.selector) {
    const widths = await page.$eval(job.selector, (element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    writeFileSync(`${options.out}/${job.name}.json`, JSON.stringify(widths));
    await page.close();
    continue;
  }
  await page.emulateMedia({ media: "print" });
  writeFileSync(`${options.out}/${job.name}.pdf`, await page.pdf({ format: job.format, printBackground: false }));
  await page.close();
}
await browser.close();
process.exit(failed ? 1 : 0);
