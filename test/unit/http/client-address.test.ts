import { describe, expect, it } from 'vitest';

import { clientAddress } from '../../../lib/http/client-address';
import { PEER_ADDRESS_HEADER } from '../../../lib/http/peer-address';

const request = (headers: Record<string, string>) => new Request('http://app.test/', { headers });

describe('clientAddress', () => {
  it('is the socket’s address unless proxies are trusted, whatever X-Forwarded-For says', () => {
    const sent = { [PEER_ADDRESS_HEADER]: '::ffff:192.0.2.7', 'x-forwarded-for': '203.0.113.1' };
    expect(clientAddress(request(sent), { trustedProxies: 0 })).toBe('192.0.2.7');
    expect(clientAddress(request(sent), { trustedProxies: 1 })).toBe('203.0.113.1');
    // Behind one proxy, what the client itself put first in the header is not believed.
    expect(clientAddress(request({ ...sent, 'x-forwarded-for': '10.9.9.9, 203.0.113.1' }), { trustedProxies: 1 })).toBe('203.0.113.1');
  });

  it('reads the headers alone, as server actions and next-auth see them, also from an object with a field named headers', () => {
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: '192.0.2.8' });
    expect(clientAddress(headers, { trustedProxies: 0 })).toBe('192.0.2.8');
    // Next's read-only headers keep the raw headers in a field called `headers`.
    const adapted = Object.assign(new Headers({ [PEER_ADDRESS_HEADER]: '192.0.2.9' }), { headers: { [PEER_ADDRESS_HEADER]: '192.0.2.9' } });
    expect(clientAddress(adapted, { trustedProxies: 0 })).toBe('192.0.2.9');
    expect(clientAddress(new Headers(), { trustedProxies: 0 })).toBe('unknown');
  });

  it('counts an IPv6 client by its /64 network, the block one subscriber gets, however the address is written', () => {
    const from = (address: string) => clientAddress(request({ [PEER_ADDRESS_HEADER]: address }), { trustedProxies: 0 });
    expect(from('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(from('2001:0DB8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(from('2001:db8:1:2::1:2%eth0')).toBe('2001:db8:1:2::/64');
    expect(from('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(from('::1')).toBe('0:0:0:0::/64');
    expect(from('2001:db8:1:3::1')).not.toBe(from('2001:db8:1:2::1'));
    expect(clientAddress(request({ 'x-forwarded-for': '2001:db8:9:9:1::7' }), { trustedProxies: 1 })).toBe('2001:db8:9:9::/64');
  });
});
