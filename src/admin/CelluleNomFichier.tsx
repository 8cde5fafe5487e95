'use client'
import { DefaultCell } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { nomAffiche } from '../fichiers/noms'

/** An annexe's file as its filer named it (« pv-ca.pdf »), not the stored name with its random suffix. */
export function CelluleNomFichier(props: DefaultCellComponentProps) {
  const { cellData } = props
  return <DefaultCell {...props} cellData={typeof cellData === 'string' ? nomAffiche(cellData) : cellData} />
}
