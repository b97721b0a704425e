// The query box on every page: typed or spoken questions answered by POST /api/ask, read aloud.
import { AudioOutlined, LoadingOutlined, SoundFilled, SoundOutlined } from "@ant-design/icons";
import { Alert, Button, Input, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { canListen, listenOnce, speak } from "./speech";

interface AskReply {
  answer: string;
  lang: "zh" | "en";
  orderNo: string | null;
  stage: string | null;
  owner: string | null;
}

const voiceLang = (lang: "zh" | "en") => (lang === "zh" ? "zh-CN" : "en-US");
/** A person's choice, kept in this browser: read answers to typed questions aloud too. */
const READ_ALOUD = "lvyue.readAloud";

export function AskBox() {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState("");
  const [reply, setReply] = useState<AskReply>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [listening, setListening] = useState(false);
  const [readAloud, setReadAloud] = useState(() => localStorage.getItem(READ_ALOUD) === "1");
  const toggleReadAloud = () => {
    localStorage.setItem(READ_ALOUD, readAloud ? "0" : "1");
    setReadAloud(!readAloud);
  };

  const ask = async (question: string, aloud: boolean) => {
    if (!question.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<AskReply>("POST", "/api/ask", { text: question });
      setReply(answer);
      if (aloud) speak(answer.answer, voiceLang(answer.lang));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const listen = async () => {
    setListening(true);
    try {
      const heard = await listenOnce(i18n.language.startsWith("en") ? "en-US" : "zh-CN");
      setText(heard);
      await ask(heard, true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setListening(false);
    }
  };

  const voice = canListen();
  return (
    <div className="ask">
      <Input.Search
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => void ask(value, readAloud)}
        placeholder={listening ? t("ask.listening") : t("ask.placeholder")}
        enterButton={t("ask.ask")}
        loading={busy}
        allowClear
        data-testid="ask-input"
        suffix={
          <Tooltip title={readAloud ? t("ask.readAloud") : t("ask.readAloudOff")}>
            <Button
              type="text"
              size="small"
              className="ask-aloud"
              aria-pressed={readAloud}
              aria-label={t("ask.readAloud")}
              data-testid="ask-read-aloud"
              onClick={toggleReadAloud}
              icon={readAloud ? <SoundFilled style={{ color: "#1677ff" }} /> : <SoundOutlined />}
            />
          </Tooltip>
        }
        addonBefore={
          <Tooltip title={voice ? t("ask.listen") : t("ask.noVoice")}>
            <Button
              type="text"
              size="small"
              disabled={!voice || listening}
              onClick={() => void listen()}
              aria-label={t("ask.listen")}
              icon={listening ? <LoadingOutlined /> : <AudioOutlined />}
            />
          </Tooltip>
        }
      />
      {(reply || error) && (
        <div className="ask-answer">
          {error ? (
            <Alert type="error" showIcon message={error} closable onClose={() => setError(undefined)} />
          ) : (
            reply && (
              <Alert
                type="info"
                showIcon
                data-testid="ask-answer"
                message={reply.answer}
                closable
                onClose={() => setReply(undefined)}
                action={
                  <Tooltip title={t("ask.speak")}>
                    <Button
                      size="small"
                      type="text"
                      icon={<SoundOutlined />}
                      onClick={() => speak(reply.answer, voiceLang(reply.lang))}
                      aria-label={t("ask.speak")}
                    />
                  </Tooltip>
                }
              />
            )
          )}
        </div>
      )}
    </div>
  );
}
