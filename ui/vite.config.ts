import { defineConfig } from "vitest/config";

// base './' so the built page loads from Tauri's custom protocol as well as from disk; the
// dev server (and Vitest, which runs through it) may read ../locales, the catalogues the UI
// shares with Rust.
export default defineConfig({
  base: "./",
  clearScreen: false,
  server: { port: 5173, strictPort: true, fs: { allow: [".."] } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // React Query marks its modules "use client" for server rendering, which a desktop
    // page does not have: the directive means nothing here.
    rolldownOptions: { onwarn: (w, warn) => (w.code === "MODULE_LEVEL_DIRECTIVE" ? undefined : warn(w)) },
  },
  test: { environment: "node", include: ["src/**/*.test.ts", "src/**/*.test.tsx"] },
});
