// The UI's entry: the providers (one QueryClient for all server state), the router with real URLs.
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import { prefetchPageData } from "./api/queries";
import { makeQueryClient } from "./api/queryClient";
import { App } from "./App";
import { Providers } from "./Providers";

const queryClient = makeQueryClient();
// The page's data is asked for beside the session check, not after it (see prefetchPageData).
prefetchPageData(queryClient, new URL(window.location.href));

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <Providers queryClient={queryClient}>
        <App />
      </Providers>
    </BrowserRouter>
  </StrictMode>,
);
