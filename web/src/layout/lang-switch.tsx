// Switches between Chinese and English (Ant Design's locale follows in app.tsx).
import { GlobalOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { setLang } from "../i18n";

export function LangSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language.startsWith("en") ? "zh-CN" : "en-US";
  return (
    <Button type="text" icon={<GlobalOutlined />} onClick={() => void setLang(next)} data-testid="lang-switch">
      {t("app.language")}
    </Button>
  );
}
