import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next dev blocks assets requested from 127.0.0.1 unless allowed.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
