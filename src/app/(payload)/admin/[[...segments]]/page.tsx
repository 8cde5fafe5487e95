import type { Metadata } from 'next'

import config from '@payload-config'
import { generatePageMetadata, RootPage } from '@payloadcms/next/views'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { adresseSansRefus, filtreOuTrie } from '../../../../admin/adresseListe'
import { importMap } from '../importMap.js'

type Args = {
  params: Promise<{ segments: string[] }>
  searchParams: Promise<{ [key: string]: string | string[] }>
}

export const generateMetadata = ({ params, searchParams }: Args): Promise<Metadata> =>
  generatePageMetadata({ config, params, searchParams })

const Page = async ({ params, searchParams }: Args) => {
  // A list address filtering or sorting on what the reader may not read: Payload's list view would fail on it
  // (see src/admin/adresseListe.ts), so the reader is sent to the same list without it, told why.
  const { segments } = await params
  const parametres = await searchParams
  // A collection's list, or its trash.
  const liste =
    segments?.[0] === 'collections' &&
    (segments.length === 2 || (segments.length === 3 && segments[2] === 'trash'))
  if (liste && filtreOuTrie(parametres)) {
    const payload = await getPayload({ config, importMap })
    const { user } = await payload.auth({ headers: await headers() })
    const chemin = `/admin/${segments.map(encodeURIComponent).join('/')}`
    const adresse = await adresseSansRefus(payload, user, chemin, segments[1]!, parametres)
    if (adresse) redirect(adresse)
  }
  return RootPage({ config, params, searchParams, importMap })
}

export default Page
