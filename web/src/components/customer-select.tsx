// Picking a customer as people name them: typing filters the customers loaded at once, and the server's
// search adds those beyond them and those found by a confirmed spelling (an alias such as 华光仪表).
import { Select, type SelectProps } from "antd";
import { useEffect, useMemo, useState } from "react";
import { api } from "../api/client";
import type { Reply } from "../api/contract";

type Customer = Pick<Reply<"GET /api/customers">["customers"][number], "code" | "name">;
interface Option {
  value: string;
  label: string;
}

const option = (c: Customer): Option => ({ value: c.code, label: `${c.code} · ${c.name}` });

export function CustomerSelect(props: Omit<SelectProps<string>, "options" | "showSearch" | "filterOption" | "onSearch">) {
  const [loaded, setLoaded] = useState<Option[]>([]);
  const [typed, setTyped] = useState("");
  const [found, setFound] = useState<{ q: string; options: Option[] }>({ q: "", options: [] });

  useEffect(() => {
    api<{ customers: Customer[] }>("GET", "/api/customers?limit=500")
      .then((r) => setLoaded(r.customers.map(option)))
      .catch(() => {});
  }, []);

  useEffect(() => {
    const q = typed.trim();
    if (!q) return;
    const timer = setTimeout(() => {
      api<{ customers: Customer[] }>("GET", `/api/customers?limit=20&q=${encodeURIComponent(q)}`)
        .then((r) => setFound({ q, options: r.customers.map(option) }))
        .catch(() => {});
    }, 200);
    return () => clearTimeout(timer);
  }, [typed]);

  const options = useMemo(() => {
    const q = typed.trim().toLowerCase();
    if (!q) return loaded;
    const local = loaded.filter((o) => o.label.toLowerCase().includes(q));
    const extra = found.q === typed.trim() ? found.options.filter((o) => !local.some((l) => l.value === o.value)) : [];
    return [...local, ...extra];
  }, [loaded, typed, found]);

  return (
    <Select
      {...props}
      showSearch
      options={options}
      filterOption={false}
      onSearch={setTyped}
      onSelect={(value, picked) => {
        setTyped("");
        props.onSelect?.(value, picked);
      }}
      onBlur={(event) => {
        setTyped("");
        props.onBlur?.(event);
      }}
    />
  );
}
