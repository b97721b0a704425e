import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { inflateRawSync } from "node:zlib";
const buf = readFileSync("/tmp/imp2/ledger.xlsx");
for (let i = 0; i < 2; i++) {
let s = performance.now();
const zip = await JSZip.loadAsync(buf);
console.log("load", performance.now() - s); s = performance.now();
const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
const ss = await zip.file("xl/sharedStrings.xml")!.async("string");
console.log("inflate jszip", performance.now() - s, xml.length, ss.length); s = performance.now();
const f: any = zip.file("xl/worksheets/sheet1.xml");
const raw = f._data.compressedContent as Uint8Array;
const out = inflateRawSync(raw).toString("utf8");
console.log("inflate zlib", performance.now() - s, out.length, f._data.compression.magic);
}
console.log(Object.keys(JSZip.loadAsync(buf)));
