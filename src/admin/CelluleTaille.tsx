'use client'
import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { tailleLisible } from '../fichiers/taille'

/** An annexe's size with its unit (« 20,1 Ko »), not Payload's raw byte count. */
export function CelluleTaille({ cellData }: DefaultCellComponentProps) {
  return <span>{typeof cellData === 'number' ? tailleLisible(cellData) : '—'}</span>
}
