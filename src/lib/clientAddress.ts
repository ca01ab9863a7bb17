import { BlockList, isIP } from 'node:net'

/**
 * The address of the client that sent a request, as the audit log (and anything else that needs it)
 * records it. The app sits behind nginx (deploy/nginx/press-office.conf), which appends the address
 * it saw to X-Forwarded-For; without a proxy, Next puts the socket's address there itself when the
 * client sent none. The header is read from the right: each address that is a trusted proxy
 * (TRUSTED_PROXY, comma-separated addresses or CIDR ranges; default loopback, where the recipe's
 * nginx runs) is skipped, and the first that is not is the client. Anything left of it is what the
 * client claimed, and is not believed.
 *
 * Keep the app's port reachable only through the proxy (the recipe binds nginx in front): a client
 * that reaches Next directly can write its own X-Forwarded-For, which Next then leaves as it is.
 */
export function clientAddress(headers: Headers | undefined | null, trusted: string | undefined = process.env.TRUSTED_PROXY): string | null {
  const chain = (headers?.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => normalise(part.trim()))
    .filter((part) => part !== '')
  if (chain.length === 0) return null
  const proxies = trustedProxies(trusted)
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = chain[i]!
    const family = isIP(address)
    if (family === 0) return null // not an address: nothing further left can be believed either
    if (!proxies.check(address, family === 6 ? 'ipv6' : 'ipv4')) return address
  }
  // Every hop is a trusted proxy: the request came from the proxy's own machine.
  return chain[0]!
}

/** `::ffff:203.0.113.5` (IPv4 over an IPv6 socket) is 203.0.113.5; `[::1]:port` forms are not sent by nginx. */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped ? mapped[1]! : address
}

const DEFAULT_TRUSTED = '127.0.0.1/8, ::1'
const cache = new Map<string, BlockList>()

function trustedProxies(setting: string | undefined): BlockList {
  const value = setting?.trim() || DEFAULT_TRUSTED
  let list = cache.get(value)
  if (list) return list
  list = new BlockList()
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [address, prefix] = entry.split('/') as [string, string | undefined]
    const family = isIP(address)
    if (family === 0) continue
    const type = family === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(prefix), type)
  }
  cache.set(value, list)
  return list
}
