import { defineConfig } from "vite";

// The page is built into the Java module's class path by Maven (see ../../../pom.xml);
// `npm run build` alone writes dist/.
export default defineConfig({
  base: "./",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 400 },
});
