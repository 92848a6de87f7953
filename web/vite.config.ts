// Builds the UI into web/dist, which `lotsen serve` serves. `npm run dev` serves it with hot reload
// and passes /api to a Lotsen server on 127.0.0.1:8080. `npm test` runs the component tests (Vitest,
// in jsdom).
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  // No asset inlined as a data: URL: the Content-Security-Policy (default-src 'self') would refuse it.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, assetsInlineLimit: 0 },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
  // Generous time per test: a shared, busy machine renders slowly (a dialog test takes seconds).
  test: { environment: "jsdom", css: false, include: ["src/**/*.test.{ts,tsx}"], testTimeout: 30_000 },
});
