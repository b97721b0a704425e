// The no-code condition editor: react-querybuilder with Ant Design controls, producing the JSONLogic
// the rules engine stores. A condition the builder cannot show (date arithmetic, per-line tests) stays
// editable as JSON, so nothing is silently rewritten.
import { QueryBuilderAntD } from "@react-querybuilder/antd";
import { Input, Segmented, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Field, formatQuery, QueryBuilder, type RuleGroupType } from "react-querybuilder";
import { parseJsonLogic } from "react-querybuilder/parseJsonLogic";
import "react-querybuilder/dist/query-builder.css";

const EMPTY: RuleGroupType = { combinator: "and", rules: [] };

export function toJsonLogic(query: RuleGroupType): unknown {
  // An empty group means "always": the engine stores true.
  if (!query.rules.length) return true;
  return formatQuery(query, { format: "jsonlogic", parseNumbers: true });
}

/** The builder's query for a stored condition, or undefined when the builder cannot represent it exactly. */
export function fromJsonLogic(logic: unknown, fields: Field[]): RuleGroupType | undefined {
  if (logic === true || logic === undefined) return EMPTY;
  try {
    const query = parseJsonLogic(logic as never, { fields: fields.map((f) => ({ ...f, value: f.name })) as never });
    return JSON.stringify(toJsonLogic(query)) === JSON.stringify(logic) ? query : undefined;
  } catch {
    return undefined;
  }
}

export function ConditionEditor({ fields, value, onChange }: { fields: Field[]; value: unknown; onChange(logic: unknown, error?: string): void }) {
  const { t } = useTranslation();
  const initial = useMemo(() => fromJsonLogic(value, fields), [value, fields]);
  const [mode, setMode] = useState<"builder" | "json">(initial ? "builder" : "json");
  const [query, setQuery] = useState<RuleGroupType>(initial ?? EMPTY);
  const [json, setJson] = useState(JSON.stringify(value ?? true, null, 2));

  const fromBuilder = (q: RuleGroupType) => {
    setQuery(q);
    const logic = toJsonLogic(q);
    setJson(JSON.stringify(logic, null, 2));
    onChange(logic);
  };
  const fromJson = (text: string) => {
    setJson(text);
    try {
      onChange(JSON.parse(text));
    } catch (e) {
      onChange(undefined, (e as Error).message);
    }
  };
  return (
    <div data-testid="condition-editor">
      <Segmented
        size="small"
        value={mode}
        onChange={(m) => {
          if (m === "builder") {
            const q = fromJsonLogic(safeParse(json), fields);
            if (!q) return;
            setQuery(q);
          }
          setMode(m as "builder" | "json");
        }}
        options={[
          { value: "builder", label: t("rules.condition") },
          { value: "json", label: "JSONLogic" },
        ]}
        style={{ marginBottom: 8 }}
      />
      {mode === "builder" ? (
        <>
          <QueryBuilderAntD>
            <QueryBuilder
              fields={fields}
              query={query}
              onQueryChange={fromBuilder}
              combinators={[
                { name: "and", value: "and", label: t("rules.qb.and") },
                { name: "or", value: "or", label: t("rules.qb.or") },
              ]}
              translations={{ addRule: { label: t("rules.qb.addRule") }, addGroup: { label: t("rules.qb.addGroup") } }}
            />
          </QueryBuilderAntD>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t("rules.jsonLogic")}: <code data-testid="condition-json">{JSON.stringify(toJsonLogic(query))}</code>
          </Typography.Paragraph>
        </>
      ) : (
        <Input.TextArea value={json} onChange={(e) => fromJson(e.target.value)} autoSize={{ minRows: 4, maxRows: 14 }} style={{ fontFamily: "monospace" }} />
      )}
    </div>
  );
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
