// The cold-start child: plain node, no loader. Imports the render asset's index.mjs, calls its
// handler with one stream event, and prints when each step ended on its own clock
// (performance.now() counts from the process's start).
//   node invokeHandler.mjs <asset>/index.mjs '<event JSON>'
const [indexFile, eventJson] = process.argv.slice(2);
const { handler } = await import(indexFile);
const evaluatedMs = performance.now();
const response = await handler(JSON.parse(eventJson));
const handledMs = performance.now();
console.log(JSON.stringify({ timeOrigin: performance.timeOrigin, evaluatedMs, handledMs, response }));
