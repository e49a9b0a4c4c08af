// The loader half of module-log-hook.mjs (loader hooks run on their own thread): posts each URL loaded.
let port
export function initialize(data) {
  port = data.port
}
export async function load(url, context, next) {
  port.postMessage(url)
  return next(url, context)
}
