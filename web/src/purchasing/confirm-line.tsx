// The supplier's date for one line: a date picker, PATCH with the version seen (If-Match). A moved date
// re-plans at once; the reply names the customer orders it affected.
import { CheckOutlined } from "@ant-design/icons";
import { App, Button, DatePicker, Modal, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { Reply } from "../api/contract";
import type { WatchLine } from "./types";

type Patched = Reply<"PATCH /api/purchase-orders/{poNo}/lines/{line}">;

export function ConfirmLine({ line, onDone }: { line: Pick<WatchLine, "poNo" | "line" | "version" | "expectedDate" | "name">; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState<Dayjs | null>(dayjs(line.expectedDate));
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!date) return;
    setBusy(true);
    try {
      const reply = await api<Patched>(
        "PATCH",
        `/api/purchase-orders/${line.poNo}/lines/${line.line}`,
        { confirmedDate: date.format("YYYY-MM-DD") },
        { "if-match": String(line.version) },
      );
      message.success(
        reply.affected.length ? t("purchasing.confirmedAffected", { orders: reply.affected.map((a) => a.orderNo).join("、") }) : t("purchasing.confirmed"),
      );
      setOpen(false);
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" icon={<CheckOutlined />} onClick={() => setOpen(true)} data-testid={`confirm-${line.poNo}-${line.line}`}>
        {t("purchasing.confirm")}
      </Button>
      <Modal
        open={open}
        title={t("purchasing.confirmTitle", { poNo: line.poNo, line: line.line })}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okText={t("purchasing.confirm")}
        okButtonProps={{ disabled: !date }}
        confirmLoading={busy}
      >
        <Space direction="vertical">
          <Typography.Text>{line.name}</Typography.Text>
          <DatePicker value={date} onChange={setDate} allowClear={false} data-testid="confirm-date" />
          <Typography.Text type="secondary">{t("purchasing.confirmHint")}</Typography.Text>
        </Space>
      </Modal>
    </>
  );
}
