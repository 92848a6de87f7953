// The chosen language: Swedish unless the user switched to English in the header (kept in
// localStorage). It sets <html lang> and the Accept-Language of every API request.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { messages, type Language, type Messages } from "./messages";
import { setApiLanguage } from "./api/client";
import { storeLanguage, storedLanguage } from "./language";

type I18n = { language: Language; t: Messages; setLanguage: (language: Language) => void };
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? storedLanguage());
  setApiLanguage(language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      t: messages[language],
      setLanguage: (next) => {
        storeLanguage(next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}

export function useT(): Messages {
  return useI18n().t;
}
