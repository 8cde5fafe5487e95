import { withPayload } from '@payloadcms/next/withPayload'

// Side effect: records each request's socket address where route handlers can read it (src/debit.ts).
import './src/adresseSocket.mjs'

// Security headers (SECURITY 38). Next.js and Payload's admin inline their bootstrap scripts and styles, hence
// 'unsafe-inline' (nonces would force every page to render dynamically); everything else comes from this origin,
// and no page may be framed. HSTS is ignored by browsers over plain http, so it is always sent.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')
const entetesSecurite = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  },
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next dev blocks assets requested from 127.0.0.1 unless allowed.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:chemin*', headers: entetesSecurite },
      // API answers (signed-in JSON, served annexes and documents) are never kept by a browser or a shared cache.
      { source: '/api/:chemin*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
