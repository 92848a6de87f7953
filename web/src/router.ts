// The router, shared by main.tsx and the tests (src/test/render.tsx): a data router, since only under
// one does react-router's useBlocker work (the plan editor asks before unsaved changes are left), with a
// single route that matches every path; the screens' routes stay in App's <Routes> below it.
import type { ReactNode } from "react";
import type { RouteObject } from "react-router-dom";

/** The one route: `element` (the providers around App) for any path. */
export const appRoutes = (element: ReactNode): RouteObject[] => [{ path: "*", element }];

/** react-router 7's behaviour now (and none of its warnings). */
export const routerFuture = {
  v7_relativeSplatPath: true,
  v7_fetcherPersist: true,
  v7_normalizeFormMethod: true,
  v7_partialHydration: true,
  v7_skipActionErrorRevalidation: true,
} as const;
export const providerFuture = { v7_startTransition: true } as const;
