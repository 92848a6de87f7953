// The UI, started by the entry (main.tsx): the providers (one QueryClient for all server state), the router
// with real URLs.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider, createBrowserRouter } from "react-router-dom";
import { prefetchPageData } from "./api/queries";
import { makeQueryClient } from "./api/queryClient";
import { App } from "./App";
import { Providers } from "./Providers";
import { appRoutes, providerFuture, routerFuture } from "./router";

performance.mark("lotsen:ui"); // every module of the UI evaluated (bench/ui.mjs)
const queryClient = makeQueryClient();
// The page's data is asked for beside the session check, not after it (see prefetchPageData).
prefetchPageData(queryClient, new URL(window.location.href));

const router = createBrowserRouter(
  appRoutes(
    <Providers queryClient={queryClient}>
      <App />
    </Providers>,
  ),
  { future: routerFuture },
);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <RouterProvider router={router} future={providerFuture} />
  </StrictMode>,
);
