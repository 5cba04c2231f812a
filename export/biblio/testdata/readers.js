// Reads bibliographies back with independent readers, for the tests of
// package biblio: node readers.js <schema> <format>:<file>... It prints a
// JSON array with one object per file: for CSL-JSON, the schema's verdict
// (ajv) and the bibliography citeproc-js renders with the APA style; for
// every format, the ids, titles and original titles citation-js parses.
const fs = require("fs");
const [schema, ...args] = process.argv.slice(2);
const { Cite } = require("@citation-js/core");
require("@citation-js/plugin-csl");
require("@citation-js/plugin-ris");
require("@citation-js/plugin-bibtex");
const results = args.map((arg) => {
  const i = arg.indexOf(":");
  const format = arg.slice(0, i), file = arg.slice(i + 1);
  const text = fs.readFileSync(file, "utf8");
  const out = {};
  let input = text;
  if (format === "csl") {
    const Ajv = require("ajv");
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schema, "utf8")));
    const items = JSON.parse(text);
    input = JSON.parse(text);
    out.valid = validate(items);
    out.errors = validate.errors || [];
    const CSL = require("citeproc");
    const styles = require("@citation-js/plugin-csl/lib/styles.json");
    const locales = require("@citation-js/plugin-csl/lib/locales.json");
    const byId = Object.fromEntries(items.map((it) => [it.id, it]));
    const engine = new CSL.Engine(
      { retrieveLocale: (l) => locales[l] || locales["en-US"], retrieveItem: (id) => byId[id] },
      styles.apa,
    );
    engine.setOutputFormat("text");
    engine.updateItems(items.map((it) => it.id));
    const [meta, entries] = engine.makeBibliography();
    out.bibliography = entries;
    out.bibErrors = meta.bibliography_errors;
  }
  const cite = new Cite(input, { forceType: { csl: "@csl/list+object", ris: "@ris/file", bib: "@biblatex/text" }[format] });
  out.parsed = cite.data.map((it) => ({
    id: String(it.id),
    key: it["citation-key"] || "",
    title: it.title || "",
    original: it["original-title"] || "",
    url: it.URL || "",
    issued: it.issued && it.issued["date-parts"] ? it.issued["date-parts"][0] : [],
  }));
  return out;
});
process.stdout.write(JSON.stringify(results));
