// The visit's photo: the phone's camera (capture=environment) or a picked image, checked at once for
// emptiness, size and type, with the problem named; the server checks the bytes again.
import { CameraOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { photoProblem } from "./photo-check";

export function PhotoField({ value, onChange }: { value: File | null; onChange(file: File | null): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string>();
  const [preview, setPreview] = useState<string>();
  useEffect(() => {
    if (!value) return setPreview(undefined);
    const url = URL.createObjectURL(value);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [value]);

  function pick(file: File | undefined) {
    if (!file) return;
    const why = photoProblem(file);
    if (why) {
      setProblem(t(`field.photo_${why}`, { name: file.name, size: (file.size / 1024 / 1024).toFixed(1) }));
      onChange(null);
    } else {
      setProblem(undefined);
      onChange(file);
    }
    if (ref.current) ref.current.value = "";
  }

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <input ref={ref} type="file" accept="image/*" capture="environment" hidden onChange={(e) => pick(e.target.files?.[0])} data-testid="photo-input" />
      <Button block size="large" icon={<CameraOutlined />} onClick={() => ref.current?.click()} data-testid="photo-pick">
        {t("field.takePhoto")}
      </Button>
      <Typography.Text type="secondary">{t("field.photoHint")}</Typography.Text>
      {problem && <Alert type="error" showIcon message={problem} data-testid="photo-error" />}
      {value && preview && (
        <div className="photo-preview">
          <img src={preview} alt={value.name} />
          <Typography.Text>
            {value.name} · {(value.size / 1024).toFixed(0)} KB
          </Typography.Text>
        </div>
      )}
    </Space>
  );
}
