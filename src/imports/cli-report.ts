// What `lvyue import` prints: a progress bar on stderr and a summary table of the report.
import type { ImportPhase, ImportReport } from "./run-import.js";

const PHASES: Record<ImportPhase, string> = { read: "读取 read", check: "检查 check", write: "写入 write" };

export function progressBar(phase: ImportPhase, done: number, total: number, width = 30): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  return `${PHASES[phase].padEnd(10)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}`;
}

/** Redraws one line on a terminal; prints each phase's end once elsewhere (CI logs, pipes). */
export function progressPrinter(stream: NodeJS.WriteStream) {
  let last = "";
  return (phase: ImportPhase, done: number, total: number) => {
    const line = progressBar(phase, done, total);
    if (stream.isTTY) stream.write(`\r${line}`);
    else if (done >= total && line !== last) stream.write(`${line}\n`);
    if (stream.isTTY && done >= total && phase === "write") stream.write("\n");
    last = line;
  };
}

export function summaryRows(report: ImportReport): Record<string, string | number>[] {
  const r = report as ImportReport & { replayed?: boolean; importId?: number | null };
  const rows: Record<string, string | number>[] = [
    { 项目: "文件 file", 值: `${r.file.name} (${r.file.format}${r.file.encoding ? `, ${r.file.encoding}` : ""}) 工作表 ${r.file.sheet}` },
    { 项目: "表头行 header row", 值: r.headerRow },
    { 项目: "数据行 data rows", 值: r.rows },
    { 项目: "有效 valid", 值: r.valid },
    { 项目: "错误行 invalid", 值: r.invalid },
    { 项目: "空行 blank", 值: r.blankRows },
    { 项目: "合计行 totals", 值: r.totalRows.length },
    { 项目: "重复行 duplicates", 值: r.duplicateRows.length },
  ];
  // A replayed report stored before decision 0066 has neither of these.
  if (r.waitingRows?.length) rows.push({ 项目: "待确认 waiting", 值: r.waitingRows.length });
  for (const u of r.unknownValues ?? []) rows.push({ 项目: `不认识的写法 unknown ${u.field}`, 值: `${u.value} ×${u.rows} → ${u.choices.join("/")}` });
  if (r.lostYen) rows.push({ 项目: "¥ 丢失 lost ¥", 值: r.lostYen.message });
  for (const [what, n] of Object.entries(r.create)) rows.push({ 项目: `${r.dryRun ? "将新建 would create" : "新建 created"} ${what}`, 值: n });
  for (const [what, n] of Object.entries(r.existing)) rows.push({ 项目: `已存在 existing ${what}`, 值: n });
  if (r.amount) rows.push({ 项目: "金额合计 amount", 值: r.amount });
  if (r.replayed) rows.push({ 项目: "已导入过 already imported", 值: `#${r.importId}` });
  else if (r.importId) rows.push({ 项目: "导入批次 import id", 值: r.importId });
  return rows;
}
