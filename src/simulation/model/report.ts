// The simulator's report: the scores as JSON rows and an HTML page with the on-time-vs-quoted-lead chart
// (inline SVG, no script), so it can be committed and opened anywhere.
import type { PolicyScore } from "./score.js";

export interface SimulationReport {
  seed: number;
  days: number;
  surge: boolean;
  orders: number;
  elapsedSeconds: number;
  notes: string[];
  policies: PolicyScore[];
}

const LABEL: Record<string, string> = {
  "lvyue-ctp": "Lvyue CTP (as shipped: plant settings' default buffers)",
  "lvyue-ctp-model": "Lvyue CTP on the pure planning model (same buffers; before 0071)",
  "lvyue-ctp-no-buffers": "Lvyue CTP without buffers (before 0064)",
  "as-asked": "Promise as asked (Excel)",
  "fixed-lead": "Fixed lead time (Odoo, ERPNext)",
  "lead-plus-margin": "Lead time + safety margin (Hopp–Sturgis)",
};
export const policyLabel = (name: string) => LABEL[name] ?? name;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The markdown table of the scores (the README shows it). */
export function markdownTable(r: SimulationReport): string {
  const head =
    "| Policy | On time to first commit | Mean quoted lead (days) | P90 quoted lead | Promised as asked | P95 tardiness (days) | Silent breaks | Feasibility violations | Phantom purchases |";
  const rule = "|---|---|---|---|---|---|---|---|---|";
  const rows = r.policies.map(
    (p) =>
      `| ${policyLabel(p.name)} | ${pct(p.onTimeFirstCommit)} (${p.judged} orders) | ${p.meanQuotedLeadDays} | ${p.p90QuotedLeadDays} | ${pct(p.promisedAsAsked)} | ${p.p95TardinessDays} | ${p.silentBreaks} | ${p.feasibilityViolations} | ${p.phantomPurchases} |`,
  );
  return [head, rule, ...rows].join("\n");
}

/** On time (y) against mean quoted lead time (x), one numbered point per policy, with a legend below. */
export function chartSvg(policies: PolicyScore[]): string {
  const w = 560;
  const left = 60;
  const bottom = 290;
  const legendTop = bottom + 48;
  const h = legendTop + policies.length * 18 + 8;
  const maxLead = Math.max(10, ...policies.map((p) => p.meanQuotedLeadDays)) * 1.15;
  const minY = Math.min(0.5, ...policies.map((p) => p.onTimeFirstCommit)) - 0.02;
  const x = (lead: number) => left + (lead / maxLead) * (w - left - 20);
  const y = (share: number) => bottom - ((share - minY) / (1 - minY)) * (bottom - 20);
  const colours = ["#1677ff", "#13c2c2", "#fa8c16", "#52c41a", "#722ed1"];
  const ticksY = [minY, (minY + 1) / 2, 1].map(
    (v) =>
      `<line x1="${left}" x2="${w - 20}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${pct(v)}</text>`,
  );
  const target = `<line x1="${left}" x2="${w - 20}" y1="${y(0.98)}" y2="${y(0.98)}" stroke="#f5222d" stroke-dasharray="4 3"/><text x="${left + 4}" y="${y(0.98) + 12}" font-size="10" fill="#f5222d">98% target</text>`;
  const stepX = Math.max(1, Math.ceil(maxLead / 6));
  const ticksX: string[] = [];
  for (let v = 0; v <= maxLead; v += stepX) ticksX.push(`<text x="${x(v)}" y="${bottom + 16}" text-anchor="middle" font-size="11">${v}</text>`);
  const points = policies.map(
    (p, i) =>
      `<circle cx="${x(p.meanQuotedLeadDays)}" cy="${y(p.onTimeFirstCommit)}" r="7" fill="${colours[i % colours.length]}" fill-opacity="0.85"/><text x="${x(p.meanQuotedLeadDays)}" y="${y(p.onTimeFirstCommit) + 4}" text-anchor="middle" font-size="10" fill="#fff">${i + 1}</text>`,
  );
  const legend = policies.map(
    (p, i) =>
      `<circle cx="${left + 6}" cy="${legendTop + i * 18 - 4}" r="6" fill="${colours[i % colours.length]}"/><text x="${left + 18}" y="${legendTop + i * 18}" font-size="12">${i + 1}. ${esc(policyLabel(p.name))}: ${pct(p.onTimeFirstCommit)}, ${p.meanQuotedLeadDays} d</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" style="max-width:${w}px" role="img" aria-label="On-time delivery against quoted lead time">
<line x1="${left}" x2="${left}" y1="20" y2="${bottom}" stroke="#888"/><line x1="${left}" x2="${w - 20}" y1="${bottom}" y2="${bottom}" stroke="#888"/>
${ticksY.join("\n")}
${target}
${ticksX.join("\n")}
<text x="${(left + w) / 2}" y="${bottom + 34}" text-anchor="middle" font-size="12">Mean quoted lead time (days)</text>
<text x="14" y="${bottom / 2}" transform="rotate(-90 14 ${bottom / 2})" text-anchor="middle" font-size="12">On time to first commit</text>
${points.join("\n")}
${legend.join("\n")}
</svg>`;
}

export function reportHtml(r: SimulationReport): string {
  const rows = r.policies
    .map(
      (p) =>
        `<tr><td>${esc(policyLabel(p.name))}</td><td>${pct(p.onTimeFirstCommit)}</td><td>${p.judged}</td><td>${p.noPromise}</td><td>${p.meanQuotedLeadDays}</td><td>${p.p90QuotedLeadDays}</td><td>${pct(p.promisedAsAsked)}</td><td>${p.p95TardinessDays}</td><td>${p.silentBreaks}</td><td>${p.feasibilityViolations}</td><td>${p.phantomPurchases}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lvyue promise simulation (seed ${r.seed})</title>
<style>body{font-family:system-ui,sans-serif;margin:16px;max-width:960px}table{border-collapse:collapse;font-size:13px;display:block;overflow-x:auto}td,th{border:1px solid #ddd;padding:4px 6px;text-align:right}td:first-child,th:first-child{text-align:left}</style></head>
<body>
<h1>Promises that hold: simulated ${r.days} days${r.surge ? " with a surge" : ""}, seed ${r.seed}</h1>
<p>${r.orders} orders, the same stream and the same disturbances for every policy. Run took ${r.elapsedSeconds.toFixed(1)} s.</p>
${chartSvg(r.policies)}
<table><thead><tr><th>Policy</th><th>On time to first commit</th><th>Judged</th><th>No promise</th><th>Mean quoted lead (d)</th><th>P90 quoted lead (d)</th><th>Promised as asked</th><th>P95 tardiness (d)</th><th>Silent breaks</th><th>Feasibility violations</th><th>Phantom purchases</th></tr></thead>
<tbody>${rows}</tbody></table>
<ul>${r.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>
</body></html>
`;
}
