/* Runs theme/static/js/srslog.js for tests/srs/test_srslog_parity.py.
   stdin: {"entries": [any JSON], "times": [any JSON], "merges": [[published_flat, mine], ...]}
   stdout: {"problems": [entryProblem per entry], "times": [epoch ms or null], "merged": [flat]}. */
"use strict";
const path = require("path");
require(path.resolve(__dirname, "../../theme/static/js/srslog.js"));
const R = globalThis.StudyfolioReviews;

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  const times = job.times.map((t) => { const ms = R.parseAt(t); return Number.isNaN(ms) ? null : ms; });
  process.stdout.write(JSON.stringify({
    problems: job.entries.map((e) => R.entryProblem(e)),
    times: times,
    merged: job.merges.map(([pub, mine]) => R.mergeFlat(pub, mine)),
  }));
});
