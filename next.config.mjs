import { withPayload } from '@payloadcms/next/withPayload'

// `npm run bench` only: the bare-Payload baseline is built from bench/payload.nu.config.ts into its own directory.
const baseline = process.env.CARTE_BENCH_NU === '1'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next dev blocks assets requested from 127.0.0.1 unless allowed.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  poweredByHeader: false,
  ...(baseline
    ? {
        distDir: '.next-bench-nu',
        // `@payload-config` is a tsconfig path: this one points it at the baseline configuration.
        typescript: { tsconfigPath: 'bench/tsconfig.nu.json' },
      }
    : {}),
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
