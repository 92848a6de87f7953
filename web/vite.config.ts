// Builds the UI into web/dist, which `lotsen serve` serves. `npm run dev` serves it with hot reload
// and passes /api to a Lotsen server on 127.0.0.1:8080. `npm test` runs the component tests (Vitest,
// in jsdom).
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

// index.html names the UI's code (the chunk the entry imports once it has asked for the page's data) as a
// modulepreload, so that the browser fetches and compiles it beside the entry instead of after it.
function preloadStart(): Plugin {
  return {
    name: "lotsen-preload-start",
    apply: "build",
    transformIndexHtml(_html, context) {
      const start = Object.values(context.bundle ?? {}).find((c) => c.type === "chunk" && c.name === "start");
      if (!start) throw new Error("no chunk named start: src/main.tsx imports ./start");
      return [{ tag: "link", attrs: { rel: "modulepreload", crossorigin: "", href: `/${start.fileName}` }, injectTo: "head" }];
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadStart()],
  // No asset inlined as a data: URL: the Content-Security-Policy (default-src 'self') would refuse it.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, assetsInlineLimit: 0 },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
  // Generous time per test: a shared, busy machine renders slowly (a dialog test takes seconds).
  test: { environment: "jsdom", css: false, include: ["src/**/*.test.{ts,tsx}"], testTimeout: 30_000 },
});
