// Everything a screen needs around it (the router aside): the QueryClient, the language and Aksel's
// provider with its own texts (Norwegian by default) in the chosen language. Tests use it too.
import { Provider as AkselProvider } from "@navikt/ds-react";
import { en as akselEnglish } from "@navikt/ds-react/locales";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { I18nProvider, useI18n } from "./i18n";
import type { Language } from "./messages";

function Aksel({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <AkselProvider
      locale={akselEnglish}
      translations={{
        global: { close: t.akselClose, error: t.akselError, info: t.akselInfo, success: t.akselSuccess, warning: t.akselWarning },
        ErrorSummary: { heading: t.errorSummaryHeading },
        Loader: { title: t.loading },
        Textarea: { maxLength: t.akselTextareaLimit, charsLeft: t.akselCharsLeft, charsTooMany: t.akselCharsTooMany },
      }}
    >
      {children}
    </AkselProvider>
  );
}

export function Providers({
  queryClient,
  language,
  children,
}: {
  queryClient: QueryClient;
  language?: Language;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider initial={language}>
        <Aksel>{children}</Aksel>
      </I18nProvider>
    </QueryClientProvider>
  );
}
