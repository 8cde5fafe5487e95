import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { choisirBase, ErreurConfiguration, lireConfiguration } from '../../src/env'

const racine = '/srv/carte'

describe('Configuration : choix de la base de données', () => {
  it('utilise SQLite embarqué sur data/carte.db quand DATABASE_URI est absent', () => {
    expect(choisirBase(undefined, racine)).toEqual({
      type: 'sqlite',
      url: 'file:/srv/carte/data/carte.db',
      fichier: '/srv/carte/data/carte.db',
    })
    expect(choisirBase('  ', racine).type).toBe('sqlite')
  })

  it('résout un chemin file: relatif depuis la racine du projet', () => {
    expect(choisirBase('file:./autre/base.db', racine)).toMatchObject({
      type: 'sqlite',
      fichier: path.join(racine, 'autre/base.db'),
    })
  })

  it.each(['mongodb://localhost:27017/carte', 'mongodb+srv://u:p@cluster.example.net/carte'])(
    'choisit MongoDB pour %s',
    (uri) => {
      expect(choisirBase(uri, racine)).toEqual({ type: 'mongodb', url: uri })
    },
  )

  it.each(['postgres://localhost/carte', 'mysql://x', 'carte.db'])(
    'refuse %s en nommant DATABASE_URI',
    (uri) => {
      expect(() => choisirBase(uri, racine)).toThrow(ErreurConfiguration)
      expect(() => choisirBase(uri, racine)).toThrow(/^DATABASE_URI/)
    },
  )
})

describe('Configuration : lecture de l’environnement', () => {
  it('exige PAYLOAD_SECRET en production, en une ligne qui nomme la variable', () => {
    expect(() => lireConfiguration({ NODE_ENV: 'production' }, racine)).toThrow(
      /^PAYLOAD_SECRET : obligatoire en production/,
    )
  })

  it('n’exige pas le secret pendant next build (qui ne sert rien)', () => {
    expect(() =>
      lireConfiguration({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }, racine),
    ).not.toThrow()
  })

  it('refuse un secret trop court', () => {
    expect(() => lireConfiguration({ NODE_ENV: 'production', PAYLOAD_SECRET: 'court' }, racine)).toThrow(
      /^PAYLOAD_SECRET : doit contenir au moins 32 caractères/,
    )
  })

  it.each([
    [{ PORT: 'abc' }, /^PORT/],
    [{ PORT: '70000' }, /^PORT/],
    [{ SERVER_URL: 'pas une url' }, /^SERVER_URL/],
    [{ MAIL_FROM: 'personne' }, /^MAIL_FROM/],
    [{ SMTP_PORT: '-1' }, /^SMTP_PORT/],
    [{ SMTP_SECURE: 'oui' }, /^SMTP_SECURE/],
    [{ SMTP_HOST: 'smtp.example.org', SMTP_USER: 'moi' }, /^SMTP_USER et SMTP_PASS/],
    [{ NODE_ENV: 'staging' }, /^NODE_ENV/],
    [{ CARTE_LIMITES_DEBIT: 'tests' }, /^CARTE_LIMITES_DEBIT/],
    [{ ADRESSES_SANS_LIMITE: '127.0.0.1,localhost' }, /^ADRESSES_SANS_LIMITE : liste d’adresses IP/],
  ])('refuse %o avec un message qui nomme la variable', (env, attendu) => {
    expect(() => lireConfiguration(env, racine)).toThrow(attendu)
  })

  it('applique des valeurs par défaut sûres en développement', () => {
    const conf = lireConfiguration({}, racine)
    expect(conf.PORT).toBe(3000)
    expect(conf.serverURL).toBe('http://localhost:3000')
    expect(conf.base.type).toBe('sqlite')
    expect(conf.UPLOAD_DIR).toBe('data/annexes')
    expect(conf.secret.length).toBeGreaterThanOrEqual(32)
  })

  it('lit les adresses exemptées de limitation de débit (aucune par défaut)', () => {
    expect(lireConfiguration({}, racine).ADRESSES_SANS_LIMITE).toEqual([])
    expect(
      lireConfiguration({ ADRESSES_SANS_LIMITE: ' 10.0.0.7 , ::1,' }, racine).ADRESSES_SANS_LIMITE,
    ).toEqual(['10.0.0.7', '::1'])
  })

  it('retire la barre finale de SERVER_URL', () => {
    expect(lireConfiguration({ SERVER_URL: 'https://carte.example.fr/' }, racine).serverURL).toBe(
      'https://carte.example.fr',
    )
  })
})

describe('Adresse du client (limitation de débit, journal)', async () => {
  const { adresseClient } = await import('../../src/debit')
  it('prend l’adresse ajoutée par le proxy de confiance le plus proche, pas celle que le client a écrite', () => {
    const h = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5' })
    expect(adresseClient(h, 1)).toBe('203.0.113.5')
    expect(adresseClient(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.0.0.2' }), 2)).toBe(
      '203.0.113.5',
    )
    expect(adresseClient(new Headers({ 'x-forwarded-for': '203.0.113.5' }), 3)).toBe('203.0.113.5')
    expect(adresseClient(new Headers(), 1)).toBe('inconnue')
  })
})

describe('Antivirus annoncé au démarrage', async () => {
  const { analyseurConfigure, messageDemarrageAntivirus } = await import('../../src/fichiers/antivirus')
  it('dit clairement que les fichiers ne sont pas analysés quand aucun clamd n’est configuré', () => {
    expect(analyseurConfigure({})).toBeNull()
    expect(messageDemarrageAntivirus({})).toBe(
      'Antivirus : aucun analyseur configuré (CLAMAV_SOCKET ou CLAMAV_HOST) — les fichiers déposés ne sont PAS analysés.',
    )
    expect(messageDemarrageAntivirus({ CLAMAV_SOCKET: '/run/clamav/clamd.ctl' })).toBe(
      'Antivirus : fichiers analysés par ClamAV (/run/clamav/clamd.ctl).',
    )
    expect(analyseurConfigure({ CLAMAV_HOST: 'clamav.interne', CLAMAV_PORT: '3311' })).toEqual({
      host: 'clamav.interne',
      port: 3311,
    })
  })
})

describe('Adresses exemptées de limitation de débit (ADRESSES_SANS_LIMITE)', async () => {
  const { verifierDebit } = await import('../../src/debit')
  const { oublierConfiguration } = await import('../../src/env')
  const connexions = Array.from({ length: 25 }, () => ({ regle: 'connexion' as const, identifiant: 'x' }))
  const depuisLaSocket = (adresse: string) =>
    new Request('http://localhost/api/users/login', { headers: { 'x-carte-adresse-socket': adresse } })
  it('une adresse de la liste n’est pas limitée ; les autres le sont, même quand elles la nomment dans X-Forwarded-For', async () => {
    const avant = process.env.ADRESSES_SANS_LIMITE
    process.env.ADRESSES_SANS_LIMITE = '198.51.100.9'
    oublierConfiguration()
    try {
      expect(
        await verifierDebit(depuisLaSocket('::ffff:198.51.100.9'), connexions, async () => null),
      ).toBeNull()
      const forge = new Request('http://localhost/api/users/login', {
        headers: { 'x-carte-adresse-socket': '198.51.100.10', 'x-forwarded-for': '198.51.100.9' },
      })
      const refus = await verifierDebit(forge, connexions, async () => null)
      expect(refus?.status).toBe(429)
    } finally {
      if (avant === undefined) delete process.env.ADRESSES_SANS_LIMITE
      else process.env.ADRESSES_SANS_LIMITE = avant
      oublierConfiguration()
    }
  })
})
