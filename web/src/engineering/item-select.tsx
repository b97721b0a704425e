// A searchable select of items (one, or several for substitutes): the list is asked of the server as
// the user types; the items already chosen keep their names as labels.
import { Select } from "antd";
import { useState } from "react";
import { api } from "../api/client";
import type { Reply } from "../api/contract";

type ItemList = Reply<"GET /api/items">;
type Option = { value: string; label: string };

interface Props {
  value: string | string[];
  onChange: (value: string & string[]) => void;
  known: Record<string, string>;
  multiple?: boolean;
  disabled?: boolean;
  status?: "error";
  placeholder?: string;
  testId?: string;
  ariaLabel: string;
}

export function ItemSelect({ value, onChange, known, multiple, disabled, status, placeholder, testId, ariaLabel }: Props) {
  const [found, setFound] = useState<Option[]>([]);
  const chosen = (Array.isArray(value) ? value : value ? [value] : []).map((sku) => ({ value: sku, label: known[sku] ? `${sku} ${known[sku]}` : sku }));
  const search = async (q: string) => {
    const list = await api<ItemList>("GET", `/api/items?q=${encodeURIComponent(q)}&limit=20`);
    setFound(list.items.map((i) => ({ value: i.sku, label: `${i.sku} ${i.name}` })));
  };
  const options = [...chosen, ...found.filter((f) => !chosen.some((c) => c.value === f.value))];
  return (
    <Select
      showSearch
      filterOption={false}
      mode={multiple ? "multiple" : undefined}
      value={(multiple ? value : value || undefined) as never}
      onChange={onChange as never}
      onSearch={(q) => void search(q)}
      onFocus={() => void search("")}
      options={options}
      disabled={disabled}
      status={status}
      placeholder={placeholder}
      style={{ width: "100%" }}
      data-testid={testId}
      aria-label={ariaLabel}
    />
  );
}
