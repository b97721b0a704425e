// Words of a closed list the importer did not know (a status such as 返修, a grade such as 战略): each
// shown once with its row count and a choice of what it means; the choice re-runs the dry run and is
// kept in the template when the mapping is saved.
import { Button, Card, List, Select, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { UnknownValue, ValueAnswers } from "./import-api";

export function UnknownWords(props: {
  words: UnknownValue[];
  answers: ValueAnswers;
  onChange(answers: ValueAnswers): void;
  onApply(): void;
  checking: boolean;
}) {
  const { t } = useTranslation();
  const { words, answers } = props;
  if (!words.length) return null;
  const chosen = (w: UnknownValue) => answers[w.field]?.[w.value];
  const choose = (w: UnknownValue, value: string) => props.onChange({ ...answers, [w.field]: { ...(answers[w.field] ?? {}), [w.value]: value } });
  const anyChosen = words.some((w) => chosen(w) !== undefined);
  return (
    <Card
      size="small"
      title={t("imports.words.title", { count: words.length })}
      data-testid="unknown-words"
      className="import-words"
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph type="secondary">{t("imports.words.hint")}</Typography.Paragraph>
      <List
        size="small"
        dataSource={words}
        renderItem={(w) => (
          <List.Item data-testid="unknown-word" data-value={w.value}>
            <Space wrap size={[8, 4]} style={{ width: "100%", justifyContent: "space-between" }}>
              <span>
                <Tag>{t(`imports.words.field.${w.field}`, { defaultValue: w.field })}</Tag>
                <Typography.Text strong>{w.value}</Typography.Text>{" "}
                <Typography.Text type="secondary">{t("imports.words.rows", { count: w.rows })}</Typography.Text>
              </span>
              <Select
                style={{ minWidth: 150 }}
                placeholder={t("imports.words.choose")}
                value={chosen(w)}
                onChange={(v: string) => choose(w, v)}
                options={w.choices.map((c) => ({ value: c, label: t(`imports.words.choice.${w.field}.${c}`, { defaultValue: c }) }))}
                aria-label={`${w.value} · ${t("imports.words.choose")}`}
              />
            </Space>
          </List.Item>
        )}
      />
      <Button type="primary" ghost onClick={props.onApply} disabled={!anyChosen} loading={props.checking} data-testid="apply-words">
        {t("imports.words.apply")}
      </Button>
    </Card>
  );
}
