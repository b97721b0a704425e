// Finding a unit on site: type its serial or model, or photograph the nameplate and read its QR code /
// barcode in the browser (zxing-wasm; headless and many phone browsers have no BarcodeDetector).
import { CameraOutlined } from "@ant-design/icons";
import { Alert, Button, Input, List, Space, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { readNameplate } from "./nameplate";
import { scanCodes } from "./scan-code";
import type { Lookup } from "./use-unit-lookup";

export function FindUnit({ lookup, onFind, onPick }: { lookup: Lookup; onFind(text: string): void; onPick(serial: string): void }) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [scan, setScan] = useState<{ busy: boolean; message?: string; ok?: boolean }>({ busy: false });

  async function onNameplate(file: File | undefined) {
    if (!file) return;
    setScan({ busy: true });
    try {
      const texts = await scanCodes(file);
      const text = texts.find((x) => readNameplate(x)) ?? texts[0];
      if (!text) setScan({ busy: false, message: t("field.scanNone") });
      else if (!readNameplate(text)) setScan({ busy: false, message: t("field.scanUnknown", { text }) });
      else {
        setScan({ busy: false, ok: true, message: t("field.scanned", { text }) });
        onFind(text);
      }
    } catch (e) {
      setScan({ busy: false, message: e instanceof Error ? e.message : String(e) });
    } finally {
      if (fileRef.current) fileRef.current.value = "";
    }
  }

  return (
    <Space direction="vertical" style={{ width: "100%" }} size="small">
      <Input.Search
        size="large"
        placeholder={t("field.serialOrModel")}
        enterButton={t("field.find")}
        allowClear
        loading={lookup.loading}
        onSearch={(v) => v.trim() && onFind(v)}
        data-testid="unit-search"
      />
      <input
        ref={fileRef}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        onChange={(e) => void onNameplate(e.target.files?.[0])}
        data-testid="nameplate-input"
      />
      <Button block size="large" icon={<CameraOutlined />} loading={scan.busy} onClick={() => fileRef.current?.click()} data-testid="nameplate-scan">
        {scan.busy ? t("field.scanning") : t("field.scan")}
      </Button>
      {scan.message && <Alert type={scan.ok ? "success" : "warning"} showIcon message={scan.message} data-testid="scan-result" />}
      {lookup.notFound && <Alert type="warning" showIcon message={t("field.notFound", { serial: lookup.notFound })} data-testid="unit-not-found" />}
      {lookup.error && <Alert type="error" showIcon message={lookup.error} />}
      {lookup.units && (
        <List
          size="small"
          bordered
          header={<Typography.Text strong>{t("field.unitsOfModel", { model: lookup.model })}</Typography.Text>}
          dataSource={lookup.units}
          renderItem={(u) => (
            <List.Item onClick={() => onPick(u.serial)} style={{ cursor: "pointer" }}>
              <Typography.Link>{u.serial}</Typography.Link> · {u.customer} · {u.site}
            </List.Item>
          )}
          data-testid="model-units"
        />
      )}
    </Space>
  );
}
