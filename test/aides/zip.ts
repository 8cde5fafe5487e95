import zlib from 'node:zlib'

/** CRC-32 (IEEE), for the ZIP headers. */
const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(octets: Buffer): number {
  let c = 0xffffffff
  for (const o of octets) c = TABLE[(c ^ o) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A ZIP of deflated files, as an editor's archiver would make it (no dependency on a ZIP library). */
export function zipper(fichiers: { nom: string; texte: string }[]): Buffer {
  const locaux: Buffer[] = []
  const centraux: Buffer[] = []
  let position = 0
  for (const f of fichiers) {
    const brut = Buffer.from(f.texte)
    const compresse = zlib.deflateRawSync(brut)
    const nom = Buffer.from(f.nom)
    const crc = crc32(brut)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compresse.length, 18)
    local.writeUInt32LE(brut.length, 22)
    local.writeUInt16LE(nom.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(compresse.length, 20)
    central.writeUInt32LE(brut.length, 24)
    central.writeUInt16LE(nom.length, 28)
    central.writeUInt32LE(position, 42)
    locaux.push(local, nom, compresse)
    centraux.push(central, nom)
    position += local.length + nom.length + compresse.length
  }
  const repertoire = Buffer.concat(centraux)
  const fin = Buffer.alloc(22)
  fin.writeUInt32LE(0x06054b50, 0)
  fin.writeUInt16LE(fichiers.length, 8)
  fin.writeUInt16LE(fichiers.length, 10)
  fin.writeUInt32LE(repertoire.length, 12)
  fin.writeUInt32LE(position, 16)
  return Buffer.concat([...locaux, repertoire, fin])
}
