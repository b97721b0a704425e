// The parts replaced in a visit: tick from the model's usual spares, or type any other SKU; each with a quantity.
import { Button, Checkbox, Input, InputNumber, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Equipment } from "./types";

export type PickedParts = Record<string, number>;

export function PartsPicker({ unit, value, onChange }: { unit: Equipment; value: PickedParts; onChange(next: PickedParts): void }) {
  const { t } = useTranslation();
  const [sku, setSku] = useState("");
  const [qty, setQty] = useState(1);
  const usual = new Set(unit.usualSpares.map((p) => p.sku));
  const set = (key: string, n: number | null) => {
    const next = { ...value };
    if (n && n > 0) next[key] = n;
    else delete next[key];
    onChange(next);
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="parts-picker">
      {unit.usualSpares.map((p) => (
        <div key={p.sku} className="part-row">
          <Checkbox checked={p.sku in value} onChange={(e) => set(p.sku, e.target.checked ? 1 : 0)} data-testid={`part-${p.sku}`}>
            {p.name} <Typography.Text type="secondary">{p.sku}</Typography.Text>
          </Checkbox>
          {p.sku in value && <InputNumber min={1} max={1000} size="small" value={value[p.sku]} onChange={(n) => set(p.sku, n)} aria-label={t("field.qty")} />}
        </div>
      ))}
      <Space.Compact style={{ width: "100%" }}>
        <Input placeholder={t("field.freeSku")} value={sku} onChange={(e) => setSku(e.target.value.trim().toUpperCase())} data-testid="part-free-sku" />
        <InputNumber min={1} max={1000} value={qty} onChange={(n) => setQty(n ?? 1)} style={{ width: 72 }} aria-label={t("field.qty")} />
        <Button
          disabled={!sku}
          onClick={() => {
            set(sku, (value[sku] ?? 0) + qty);
            setSku("");
            setQty(1);
          }}
          data-testid="part-free-add"
        >
          {t("field.addPart")}
        </Button>
      </Space.Compact>
      <div>
        {Object.entries(value)
          .filter(([k]) => !usual.has(k))
          .map(([k, n]) => (
            <Tag key={k} closable onClose={() => set(k, 0)}>
              {k} × {n}
            </Tag>
          ))}
      </div>
    </Space>
  );
}
