/** Length as a reader counts it: code points, so an emoji or a letter outside the BMP counts once. */
export function longueurUnicode(texte: string): number {
  return [...texte].length
}
