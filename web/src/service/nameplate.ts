// What a nameplate's code says: a serial number or a model. Nameplates print the serial alone, a
// "key:value" list (SN:…; MODEL:…), or a link whose query names it (…?sn=…). Pure, unit-tested.
export type NameplateRef = { serial: string } | { model: string };

const SERIAL = /^[A-Za-z0-9][A-Za-z0-9._/-]{1,79}$/;
const SERIAL_KEYS = ["sn", "s/n", "serial", "serialno", "序列号", "编号"];
const MODEL_KEYS = ["model", "型号", "sku"];

function pairs(text: string): [string, string][] {
  // "SN:…" parses as a URL too (scheme "sn:"): only web links are read as links.
  if (/^https?:\/\//i.test(text)) {
    try {
      return [...new URL(text).searchParams.entries()].map(([k, v]) => [k.toLowerCase(), v.trim()]);
    } catch {
      return [];
    }
  }
  return text
    .split(/[;\n\r,，；|]+/)
    .map((part) => part.match(/^\s*([^:=：]+?)\s*[:=：]\s*(.+?)\s*$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => [m[1].toLowerCase(), m[2]]);
}

/** The serial (preferred) or model a code names; null when it names neither. */
export function readNameplate(raw: string): NameplateRef | null {
  const text = raw.trim();
  if (!text) return null;
  const found = pairs(text);
  const serial = found.find(([k]) => SERIAL_KEYS.includes(k))?.[1];
  if (serial && SERIAL.test(serial)) return { serial };
  const model = found.find(([k]) => MODEL_KEYS.includes(k))?.[1];
  if (model && SERIAL.test(model)) return { model };
  if (!found.length && SERIAL.test(text)) return { serial: text };
  return null;
}
