/** The base URL of an internal service, from the environment. */
export function serviceUrl(name: string): string {
  return process.env[`${name.toUpperCase()}_URL`] ?? `http://${name}.internal`;
}
