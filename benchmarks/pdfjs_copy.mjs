// What Firefox's PDF viewer (pdf.js; the browser of 麒麟 desktops) copies when the whole document
// is selected: each text item as its string, a line break where the item ends its line (hasEOL),
// a line break between pages. Run by benchmarks/import_layouts.py as
//   node pdfjs_copy.mjs PDFJS_DIST_FOLDER INPUT.pdf OUTPUT.txt
// where PDFJS_DIST_FOLDER is an installed pdfjs-dist (npm install pdfjs-dist@4); never part of the program.
import fs from "fs";
import path from "path";
import { pathToFileURL } from "url";
const [,, dist, input, output] = process.argv;
const { getDocument } = await import(pathToFileURL(path.join(dist, "legacy/build/pdf.mjs")).href);
const data = new Uint8Array(fs.readFileSync(input));
const doc = await getDocument({ data, cMapUrl: path.join(dist, "cmaps") + "/", cMapPacked: true,
  standardFontDataUrl: path.join(dist, "standard_fonts") + "/", verbosity: 0 }).promise;
let out = "";
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const content = await page.getTextContent();
  for (const item of content.items) { out += item.str; if (item.hasEOL) out += "\n"; }
  out += "\n";
}
fs.writeFileSync(output, out);
