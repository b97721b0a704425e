// The column mapping as the importer guessed it, one field a line, each correctable from the file's headers.
import { Select, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { FieldCatalogue, ImportKind, ImportReport } from "./import-api";
import { EN_FIELD_NAMES } from "./messages";

function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A header is named by its text when that is unique in the header row, else by its column letter. */
export function headerOptions(headers: string[]) {
  return headers
    .map((header, i) => ({ header, letter: columnLetter(i) }))
    .filter((h) => h.header)
    .map(({ header, letter }) => ({
      value: headers.filter((x) => x === header).length === 1 ? header : letter,
      header,
      label: `${letter} · ${header}`,
    }));
}

export function MappingTable(props: {
  report: ImportReport;
  catalogue: FieldCatalogue;
  overrides: Record<string, string>;
  onChange(overrides: Record<string, string>): void;
}) {
  const { t, i18n } = useTranslation();
  const { report, catalogue, overrides } = props;
  const spec = catalogue.kinds[report.kind as ImportKind];
  const options = headerOptions(report.headers);
  const required = new Set(spec.required.filter((group) => group.length === 1).map((group) => group[0]));
  const label = (field: string, serverLabel: string) => (i18n.language.startsWith("en") ? (EN_FIELD_NAMES[field] ?? field) : serverLabel);
  const current = (field: string) => {
    if (field in overrides) return overrides[field];
    const header = report.mapping[field];
    return header === undefined ? "" : (options.find((o) => o.header === header)?.value ?? header);
  };
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={spec.fields}
      data-testid="mapping-table"
      columns={[
        {
          title: t("imports.field"),
          key: "field",
          width: 200,
          render: (_, f) => (
            <span>
              {label(f.field, f.label)} {required.has(f.field) && <Tag color="red">{t("imports.required")}</Tag>}
              {f.field in overrides && <Tag color="blue">{t("imports.changed")}</Tag>}
            </span>
          ),
        },
        {
          title: t("imports.column"),
          key: "column",
          render: (_, f) => (
            <Select
              aria-label={`${t("imports.column")}: ${label(f.field, f.label)}`}
              data-field={f.field}
              style={{ width: "100%", minWidth: 180 }}
              value={current(f.field)}
              options={[{ value: "", label: t("imports.notImported") }, ...options]}
              onChange={(value: string) => props.onChange({ ...overrides, [f.field]: value })}
              showSearch
              optionFilterProp="label"
            />
          ),
        },
      ]}
    />
  );
}
