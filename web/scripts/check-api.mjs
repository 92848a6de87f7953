// Fails (exit 1) when src/api/schema.d.ts is not what `npm run api` makes of docs/api/openapi.yaml
// today: the API changed and the typed client was not regenerated (run `npm run api` and commit).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "lotsen-api-"));
const fresh = join(dir, "schema.d.ts");
try {
  const run = spawnSync(
    process.execPath,
    ["node_modules/openapi-typescript/bin/cli.js", "../docs/api/openapi.yaml", "-o", fresh],
    { encoding: "utf8" },
  );
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    process.exit(1);
  }
  const committed = readFileSync("src/api/schema.d.ts", "utf8");
  if (readFileSync(fresh, "utf8") !== committed) {
    console.error("src/api/schema.d.ts is stale: docs/api/openapi.yaml changed. Run `npm run api` and commit it.");
    process.exit(1);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
