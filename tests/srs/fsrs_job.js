/* What the node runners share: read a JSON job from stdin, make theme/static/js/fsrs.js's
   scheduler from its "config", and write what `handle(job, scheduler)` returns as JSON. */
"use strict";
const path = require("path");
const FSRS = require(path.resolve(__dirname, "../../theme/static/js/fsrs.js"));

module.exports = function runJob(handle) {
  let input = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => { input += chunk; });
  process.stdin.on("end", () => {
    const job = JSON.parse(input);
    process.stdout.write(JSON.stringify(handle(job, new FSRS.Scheduler(job.config))));
  });
};
