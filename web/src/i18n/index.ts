// i18next set-up: Chinese by default, English on request; the choice is remembered in the browser.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { zh } from "./zh";

export type Lang = "zh-CN" | "en-US";
const STORAGE_KEY = "lvyue.lang";

export function savedLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === "en-US" || stored === "zh-CN") return stored;
  return "zh-CN";
}

export function setLang(lang: Lang) {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  return i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zh }, "en-US": { translation: en } },
  lng: savedLang(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
});
document.documentElement.lang = savedLang();

export default i18n;
