import type { Field, FieldHook, Validate } from 'payload'
import { ValidationError, validations } from 'payload'

/**
 * Shared checks for every text typed by a user (SECURITY items 31 and 39): a value is stored as given or refused.
 * - not a string (an array, a nested array, an object, a number) → refused, never coerced into text;
 * - NUL and the other control characters → refused (SQLite's C API and many readers cut the text at NUL, so it
 *   would be truncated silently); tab and line breaks stay allowed in multi-line fields (textareas);
 * - a line break (CR, LF, U+2028, U+2029) in a single-line field → refused (issue 22: headers, CSV and mails
 *   built from these fields must not gain a line);
 * - a lone UTF-16 surrogate (valid JSON, not valid text) → refused: the database would replace it with U+FFFD;
 * - longer than `maxLength` → refused with the field's label (Payload's own message names no field).
 */

export type OptionsTexte = { multiligne?: boolean; maxLength?: number }

/** Control characters refused everywhere: C0 except tab/LF/CR, DEL, C1. */
const CONTROLES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
/** Refused in single-line fields on top of CONTROLES. */
const SAUTS_ET_TABULATION = /[\t\n\r\u2028\u2029]/

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const SURROGATE_ISOLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/** Pure check of one value: true, or the French message naming the field. Empty values are left to `required`. */
export function verifierTexte(
  libelle: string,
  value: unknown,
  { multiligne = false, maxLength }: OptionsTexte = {},
): true | string {
  if (value === null || value === undefined) return true
  if (typeof value !== 'string') {
    return `« ${libelle} » doit être un texte : ${Array.isArray(value) ? 'une liste' : typeof value === 'object' ? 'un objet' : 'cette valeur'} n'est pas acceptée.`
  }
  const controle = CONTROLES.exec(value)
  if (controle) {
    return controle[0] === '\u0000'
      ? `« ${libelle} » contient un caractère nul (U+0000) : retirez-le, il tronquerait le texte.`
      : `« ${libelle} » contient un caractère de contrôle invisible (${codePoint(controle[0])}) : retirez-le.`
  }
  if (!multiligne) {
    const saut = SAUTS_ET_TABULATION.exec(value)
    if (saut) {
      return saut[0] === '\t'
        ? `« ${libelle} » contient une tabulation : ce champ tient sur une seule ligne, retirez-la.`
        : `« ${libelle} » doit tenir sur une seule ligne : retirez les retours à la ligne.`
    }
  }
  if (SURROGATE_ISOLE.test(value))
    return `« ${libelle} » contient un caractère invalide (surrogate UTF-16 isolé) : retirez-le.`
  if (maxLength !== undefined && value.length > maxLength) {
    return `« ${libelle} » dépasse ${maxLength.toLocaleString('fr-FR')} caractères (${value.length.toLocaleString('fr-FR')} saisis).`
  }
  return true
}

/** Same check for a `hasMany` text field: a list of strings, each checked. */
export function verifierListeTextes(
  libelle: string,
  value: unknown,
  options: OptionsTexte = {},
): true | string {
  if (value === null || value === undefined) return true
  if (!Array.isArray(value)) return `« ${libelle} » doit être une liste de textes.`
  for (const element of value) {
    if (element === null || element === undefined) return `« ${libelle} » contient un élément vide.`
    const r = verifierTexte(libelle, element, options)
    if (r !== true) return r
  }
  return true
}

const libelleDe = (field: { label?: unknown; name: string }, parent?: string): string => {
  const propre =
    typeof field.label === 'string'
      ? field.label
      : field.label && typeof field.label === 'object' && 'fr' in field.label
        ? String((field.label as { fr: unknown }).fr)
        : field.name
  return parent ? `${parent} › ${propre}` : propre
}

/**
 * Every `text` and `textarea` field of a field list (in rows, collapsibles, groups, tabs, arrays) gets the checks
 * above before its own validation (the field's `validate`, or Payload's default one: `required`, `minLength`…).
 */
export function verifierTextes(fields: Field[], parent?: string, sousCondition = false): Field[] {
  return fields.map((field) => {
    const conditionnel =
      sousCondition || Boolean(field.admin && 'condition' in field.admin && field.admin.condition)
    const verifie = avecTextesVerifies(field, parent, conditionnel)
    return conditionnel ? validerMemeMasque(verifie, parent) : verifie
  })
}

const libelleParent = (field: Field, parent?: string) =>
  'name' in field && field.name ? libelleDe(field as { label?: unknown; name: string }, parent) : parent

function avecTextesVerifies(field: Field, parent: string | undefined, conditionnel: boolean): Field {
  if (field.type === 'text' || field.type === 'textarea') {
    const libelle = libelleDe(field, parent)
    const multiligne = field.type === 'textarea'
    const hasMany = field.type === 'text' && field.hasMany === true
    const base = (field.validate ??
      (field.type === 'text' ? validations.text : validations.textarea)) as Validate
    const validate: Validate = (value, options) => {
      const r = hasMany
        ? verifierListeTextes(libelle, value, { multiligne, maxLength: field.maxLength })
        : verifierTexte(libelle, value, { multiligne, maxLength: field.maxLength })
      return r === true ? base(value, options) : r
    }
    return { ...field, validate } as Field
  }
  if (field.type === 'group' || field.type === 'array')
    return {
      ...field,
      fields: verifierTextes(field.fields, libelleParent(field, parent), conditionnel),
    } as Field
  if (field.type === 'row' || field.type === 'collapsible')
    return { ...field, fields: verifierTextes(field.fields, parent, conditionnel) } as Field
  if (field.type === 'tabs') {
    return {
      ...field,
      tabs: field.tabs.map((tab) => ({
        ...tab,
        fields: verifierTextes(
          tab.fields,
          'name' in tab && tab.name ? libelleDe({ label: tab.label, name: tab.name }, parent) : parent,
          conditionnel,
        ),
      })),
    } as Field
  }
  return field
}

/**
 * Payload skips the validation of a field whose `admin.condition` (or a parent's) is false — « Description des
 * travaux » without « Des travaux sont nécessaires », « Si oui, indiquez l'identifiant du projet concerné » without
 * « projet lié » — but still stores its value: a list then went into a text column, a missing demande into a
 * foreign key (a 500, and a numero consumed). Such a field is also validated by a beforeChange hook, which runs
 * whatever the condition; a refusal is the same 400 ValidationError naming the field.
 */
function validerMemeMasque(field: Field, parent?: string): Field {
  if (!('name' in field) || !field.name || !('validate' in field) || typeof field.validate !== 'function')
    return field
  const validate = field.validate as Validate
  const libelle = libelleDe(field as { label?: unknown; name: string }, parent)
  const controle: FieldHook = async ({
    value,
    previousValue,
    data,
    siblingData,
    originalDoc,
    operation,
    path,
    req,
  }) => {
    if (value === null || value === undefined) return value
    const options = {
      ...(field as object),
      id: originalDoc?.id,
      data: { ...originalDoc, ...data },
      siblingData,
      previousValue,
      operation,
      path,
      req,
      event: 'submit',
      preferences: { fields: {} },
      overrideAccess: true,
    }
    // Payload's ValidateOptions is the field's own config plus the operation's: from a Field of any kind, untyped.
    const r = await validate(value, options as never)
    if (typeof r === 'string')
      throw new ValidationError(
        { errors: [{ path: path.join('.'), label: libelle, message: r }], req },
        req.t,
      )
    return value
  }
  const hooks = (field as { hooks?: { beforeChange?: FieldHook[] } }).hooks
  return { ...field, hooks: { ...hooks, beforeChange: [...(hooks?.beforeChange ?? []), controle] } } as Field
}

/** The same for one field, where a collection (users) wraps only the fields it needs. */
export const champTexte = <F extends Field>(field: F): F => verifierTextes([field])[0] as F

/**
 * A relationship to one document takes one identifier (or a document with its `id`), never a list: `[404]` was
 * read as « no établissement » by the server's own checks (no scope check ran), then broke the insert (a 500 and a
 * consumed numéro), and MongoDB would have stored the list. Refused before anything runs, naming the field.
 */
export function verifierRelations(fields: Field[], parent?: string): Field[] {
  return fields.map((field) => {
    if ((field.type === 'relationship' || field.type === 'upload') && field.hasMany !== true) {
      const libelle = libelleDe(field, parent)
      const base = (field.validate ??
        (field.type === 'relationship' ? validations.relationship : validations.upload)) as Validate
      const validate: Validate = (value, options) => {
        if (value === null || value === undefined || value === '') return base(value, options)
        const polymorphe = Array.isArray(field.relationTo)
        const simple = typeof value === 'number' || typeof value === 'string'
        const document =
          !polymorphe && value !== null && typeof value === 'object' && !Array.isArray(value) && 'id' in value
        const couple =
          polymorphe &&
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          'relationTo' in value
        if (!(polymorphe ? couple : simple || document))
          return `« ${libelle} » attend un seul document, pas une liste ni un objet.`
        return base(value, options)
      }
      return { ...field, validate } as Field
    }
    if (field.type === 'group' || field.type === 'array')
      return { ...field, fields: verifierRelations(field.fields, libelleParent(field, parent)) } as Field
    if (field.type === 'row' || field.type === 'collapsible')
      return { ...field, fields: verifierRelations(field.fields, parent) } as Field
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({
          ...tab,
          fields: verifierRelations(
            tab.fields,
            'name' in tab && tab.name ? libelleDe({ label: tab.label, name: tab.name }, parent) : parent,
          ),
        })),
      } as Field
    }
    return field
  })
}
