// The layer rules of docs/architecture.md, checked by `npm run lint:deps` (dependency-cruiser).
// There is deliberately no list of tolerated files: an import that crosses a boundary is moved,
// not excused. Type-only imports count too (they still tie one layer to another).
const ui = "^app/(components|routes)/|^app/features/[^/]+/components/|^app/root\\.tsx$";
// A `*.server.tsx` file is server code whose job is markup (the report's print HTML rendered for the
// PDF), like a route's: it may render components; `*.server.ts` may not.
const serverCode = "^(server|collab)/|\\.server\\.ts$";
const tests = "\\.test\\.tsx?$|^test/|^bench/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "db-imports-nothing-of-ours",
      comment: "db/ is the bottom layer (schema, queries, client): it imports only packages and db/ itself.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^(app|collab|server|test|bench)/" },
    },
    {
      name: "collab-imports-only-the-kernel",
      comment:
        "collab/ runs in the Node process and in the browser's document modules: of app/ it may use only " +
        "the browser-safe kernel, never routes, components, features or utils.",
      severity: "error",
      from: { path: "^collab/" },
      to: { path: "^app/", pathNot: "^app/kernel/" },
    },
    {
      name: "nothing-imports-server",
      comment:
        "server/ wires everything (the process, the demo seed); only its own files, tests and benchmarks import it.",
      severity: "error",
      from: { pathNot: "^(server|test|bench)/" },
      to: { path: "^server/" },
    },
    {
      name: "server-code-imports-no-ui",
      comment:
        "Server code (server/, collab/, *.server.ts) never reaches for components or routes: UI sits on top. " +
        "Markup rendered on the server lives in *.server.tsx.",
      severity: "error",
      from: { path: serverCode },
      to: { path: ui },
    },
    {
      name: "kernel-imports-only-the-kernel",
      comment:
        "app/kernel/ is pure and browser-safe so that pages and collab/ decide alike: it imports itself, the " +
        "isomorphic document modules (collab/doc-names, collab/documents/: they import only yjs), types from " +
        "db/schema (the one list of roles and areas; see the next rule) and browser-safe packages (yjs, lib0, " +
        "zod), never db/ code, the rest of collab/ or app/, or Node built-ins.",
      severity: "error",
      from: { path: "^app/kernel/", pathNot: tests },
      to: { pathNot: "^app/kernel/|^collab/(doc-names\\.ts|documents/)|^db/schema/|^node_modules/(yjs|lib0|zod)/" },
    },
    {
      name: "kernel-takes-only-types-from-db",
      comment:
        "db/ may not import the kernel, so the kernel reads the few enums it shares with the schema as types: " +
        "erased at build, so no database code reaches the browser.",
      severity: "error",
      from: { path: "^app/kernel/", pathNot: tests },
      to: { path: "^db/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "documents-are-isomorphic",
      comment:
        "collab/documents/ and collab/doc-names run in the browser and on the server: they import only each " +
        "other, the kernel and yjs/lib0.",
      severity: "error",
      from: { path: "^collab/(doc-names\\.ts|documents/)", pathNot: tests },
      to: { pathNot: "^collab/(doc-names\\.ts|documents/)|^app/kernel/|^node_modules/(yjs|lib0)/" },
    },
    {
      name: "no-circular",
      comment: "A cycle ties modules (and so layers) together: neither can change or be tested alone.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing is a typo or a missing dependency.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(build|public/build|\\.cache|data|test-results|bench/results)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".cjs", ".mjs", ".json", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
