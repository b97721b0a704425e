// Reads a QR code or barcode from a photographed nameplate, in the browser, with zxing-wasm (ZXing C++
// compiled to WebAssembly). The .wasm file is bundled with the app (no CDN): Vite serves it from /assets.
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import wasmUrl from "zxing-wasm/reader/zxing_reader.wasm?url";

let prepared = false;

/** The texts of the codes found in the image, best first; [] when none could be read. */
export async function scanCodes(image: Blob): Promise<string[]> {
  if (!prepared) {
    prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith(".wasm") ? wasmUrl : prefix + path) } });
    prepared = true;
  }
  const results = await readBarcodes(image, {
    formats: ["QRCode", "DataMatrix", "Code128", "Code39", "EAN13", "ITF"],
    tryHarder: true,
    tryRotate: true,
    tryInvert: true,
    maxNumberOfSymbols: 4,
  });
  return results.filter((r) => r.isValid && r.text).map((r) => r.text);
}
