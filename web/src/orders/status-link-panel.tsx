// The order's customer status link: the address, copy (with a line to send the customer), a QR code
// to show on a phone, opens so far and who made it. Send and revoke are order actions above it.
import { QrcodeOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Popover, QRCode, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { StatusLink } from "../api/types";
import { usePeople } from "./use-people";

export function StatusLinkPanel({ orderNo, link }: { orderNo: string; link: StatusLink }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { nameOf } = usePeople();
  const text = t("actions.linkMessage", { orderNo, url: link.url });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Plain http (no clipboard API): select the address for Ctrl+C instead.
      const range = document.createRange();
      const node = document.querySelector("[data-testid=status-link-url]");
      if (node) {
        range.selectNodeContents(node);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        document.execCommand("copy");
      }
    }
    message.success(t("actions.linkCopied"));
  };
  return (
    <Card size="small" title={t("actions.link")} data-testid="status-link">
      <Typography.Link href={link.url} target="_blank" rel="noreferrer" className="break-all" data-testid="status-link-url">
        {link.url}
      </Typography.Link>
      <Flex wrap gap={8} style={{ marginTop: 8 }} align="center">
        <Button size="small" onClick={() => void copy()} data-testid="status-link-copy">
          {t("actions.linkCopy")}
        </Button>
        <Popover trigger="click" content={<QRCode value={link.url} size={180} data-testid="status-link-qr" />}>
          <Button size="small" icon={<QrcodeOutlined />}>
            {t("actions.linkQr")}
          </Button>
        </Popover>
        <Typography.Text type="secondary" data-testid="status-link-opens">
          {t("actions.linkOpens", { count: link.opens, date: link.expiresAt.slice(0, 10), who: nameOf(link.createdBy) })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
