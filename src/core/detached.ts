/**
 * `text` as a string of its own. V8 keeps a slice of a string (a title out of a file's text, a value
 * out of its front matter) as a pointer into the whole text, and keeps that text alive as long as the
 * slice lives. What outlives the text it was read from (the history keeps every version's title, its
 * front matter cache every distinct front matter) would keep every text it was read from: a cold
 * `adr log` held some 25 MB of version texts for their titles, promoted and marked by the garbage
 * collector over and over. `' ' + text` joined and cut again is a copy of `text` alone (a string
 * shorter than 13 characters is copied when it is sliced).
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1)
}
