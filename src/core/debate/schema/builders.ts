// biome-ignore-all lint/suspicious/noThenProperty: `then` is a JSON Schema keyword here, not a thenable
/**
 * The small TypeBox builders every part of the debate record's schema is written with: each returns
 * plain JSON Schema (2020-12) typed as the value it describes, so `record.ts` can derive the types.
 */
import {type Static, type TObject, type TOptional, type TSchema, type TUnsafe, Type} from '@sinclair/typebox'

export type Json = Record<string, unknown>

/** A non-empty string. */
export const s = (description: string, extra: Json = {}) => Type.String({description, minLength: 1, ...extra})
/** `{$ref: '#/$defs/<name>'}`, typed as the definition it points at. */
export const ref = <T extends TSchema>(name: string, _schema: T, description?: string): TUnsafe<Static<T>> =>
  Type.Unsafe<Static<T>>({$ref: `#/$defs/${name}`, ...(description ? {description} : {})})
export const arr = <T extends TSchema>(description: string, items: T, extra: Json = {}) => Type.Array(items, {description, ...extra})
/** One of `values` (`{enum: […]}`), typed as their union. */
export const en = <const V extends readonly string[]>(values: V, description?: string): TUnsafe<V[number]> =>
  Type.Unsafe<V[number]>({enum: [...values], ...(description ? {description} : {})})
/** A mapping by name or id (`{type: object, additionalProperties: …}`), typed as a record of `V`. */
export const map = <V>(schema: Json): TUnsafe<Record<string, V>> => Type.Unsafe<Record<string, V>>({type: 'object', ...schema})

type Shape<P extends Record<string, TSchema>, R extends string> = {[K in keyof P]: K extends R ? P[K] : TOptional<P[K]>}

/** An object with exactly these keys: the `required` ones required, the others optional. */
export function obj<P extends Record<string, TSchema>, const R extends readonly (keyof P & string)[] = []>(
  description: string,
  properties: P,
  required?: R,
  extra: Json = {},
): TObject<Shape<P, R[number]>> {
  const shaped: Record<string, TSchema> = {}
  for (const [key, schema] of Object.entries(properties))
    shaped[key] = (required as readonly string[] | undefined)?.includes(key) ? schema : Type.Optional(schema)
  return Type.Object(shaped, {description, additionalProperties: false, ...extra}) as unknown as TObject<Shape<P, R[number]>>
}

/** An id of one letter and a number from 1: `D1`, `C12`. */
export const id = (letter: string, what: string) =>
  Type.String({pattern: `^${letter}[1-9][0-9]*$`, description: `${what} id: ${letter}1, ${letter}2…`})

/** `if: … then: {required: [k]}` for each `[property, value, k]`: a key required when another has a value. */
export const requiredWhen = (rules: readonly [string, unknown, readonly string[]][]): Json[] =>
  rules.map(([key, value, required]) => ({
    if: {type: 'object', properties: {[key]: {const: value}}, required: [key]},
    then: {type: 'object', required: [...required]},
  }))
