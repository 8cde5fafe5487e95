/** Event-loop turns while `f` runs: none means every other request waited for the whole of it. */
export async function toursPendant<T>(f: () => Promise<T>): Promise<{ resultat: T; tours: number }> {
  let tours = 0
  let actif = true
  const tic = () => {
    if (!actif) return
    tours++
    setImmediate(tic)
  }
  setImmediate(tic)
  const resultat = await f()
  actif = false
  return { resultat, tours }
}
