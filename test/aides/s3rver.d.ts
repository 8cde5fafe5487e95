/** The few members of s3rver (an S3 emulator) the storage test uses; the package ships no types. */
declare module 's3rver' {
  type Options = {
    port: number
    address: string
    silent?: boolean
    directory: string
    configureBuckets?: { name: string; configs: unknown[] }[]
  }
  export default class S3rver {
    constructor(options: Options)
    run(): Promise<unknown>
    close(): Promise<void>
  }
}
