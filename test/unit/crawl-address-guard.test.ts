import { describe, expect, it } from 'vitest';
import { AddressPolicy, addressClass, type Resolver } from '../../src/crawl/address-guard.js';
import { adHocConfig, parseSiteConfig } from '../../src/crawl/site-config.js';
import { PermanentError, TransientError } from '../../src/model/errors.js';

describe('addressClass', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['2002:7f00:1::', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['64:ff9b::a00:1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['172.32.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['2400:da00::6666', 'public'],
    ['::ffff:8.8.8.8', 'public'],
  ])('%s is %s', (ip, cls) => {
    expect(addressClass(ip)).toBe(cls);
  });
});

describe('AddressPolicy', () => {
  const dns =
    (table: Record<string, string[]>): Resolver =>
    async (name) => {
      const list = table[name];
      if (!list) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
  const resolver = dns({
    'czj.example.gov.cn': ['203.119.25.1'],
    'mixed.example.gov.cn': ['203.119.25.1', '10.0.0.7'],
    'rebound.example.gov.cn': ['127.0.0.1'],
    'v6.example.gov.cn': ['2400:da00::6666', '::1'],
  });

  it('checks every address a name resolves to, not only the first', async () => {
    const policy = new AddressPolicy([], resolver);
    await expect(policy.resolve(new URL('http://czj.example.gov.cn/'))).resolves.toEqual([
      { address: '203.119.25.1', family: 4 },
    ]);
    for (const host of ['mixed.example.gov.cn', 'rebound.example.gov.cn', 'v6.example.gov.cn']) {
      const err = await policy.resolve(new URL(`http://${host}/a.pdf`)).catch((e: unknown) => e);
      expect(err, host).toBeInstanceOf(PermanentError);
      expect(err, host).toMatchObject({ code: 'crawl.address_not_allowed' });
    }
    const mixed = await policy.resolve(new URL('http://mixed.example.gov.cn/')).catch((e: Error) => e.message);
    expect(mixed).toMatch(/resolves to 10\.0\.0\.7, which is a private address.*--allow-host mixed\.example\.gov\.cn/);
  });

  it('refuses literal private, loopback, link-local and unspecified addresses without asking DNS', async () => {
    const policy = new AddressPolicy([], async () => {
      throw new Error('DNS must not be asked for a literal address');
    });
    for (const href of [
      'http://127.0.0.1:8080/',
      'http://[::1]/',
      'http://169.254.169.254/latest',
      'http://0.0.0.0/',
      'http://[::ffff:10.0.0.1]/',
      'http://2130706433/',
    ]) {
      await expect(policy.resolve(new URL(href)), href).rejects.toMatchObject({ code: 'crawl.address_not_allowed' });
    }
  });

  it('lets a host allowed explicitly reach a private address, by host:port, host or subdomain suffix', async () => {
    const policy = new AddressPolicy(
      ['127.0.0.1:8080', 'rebound.example.gov.cn', '.intranet.example'],
      dns({ 'a.intranet.example': ['10.9.9.9'] }),
    );
    await expect(policy.resolve(new URL('http://127.0.0.1:8080/'))).resolves.toHaveLength(1);
    await expect(policy.resolve(new URL('http://127.0.0.1:9090/'))).rejects.toMatchObject({
      code: 'crawl.address_not_allowed',
    });
    await expect(policy.resolve(new URL('http://a.intranet.example/'))).resolves.toEqual([
      { address: '10.9.9.9', family: 4 },
    ]);
  });

  it('reports a name that does not resolve as a network error (retried), never as allowed', async () => {
    const err = await new AddressPolicy([], resolver)
      .resolve(new URL('http://nowhere.example.gov.cn/'))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect(err).toMatchObject({ code: 'http.network' });
  });
});

describe('site config: allowPrivateHosts and --allow-host', () => {
  it('allows no host private addresses by default, the start URL’s host included', () => {
    expect(parseSiteConfig({ startUrls: ['http://127.0.0.1:8080/'] })).toMatchObject({
      allowedHosts: ['127.0.0.1:8080'],
      allowPrivateHosts: [],
    });
    expect(adHocConfig({ startUrl: 'http://127.0.0.1:8080/' }).allowPrivateHosts).toEqual([]);
  });

  it('takes --allow-host hosts as allowed explicitly, private addresses included', () => {
    const cfg = adHocConfig({
      startUrl: 'http://127.0.0.1:8080/',
      allowHosts: ['127.0.0.1:8080', 'files.example.gov.cn'],
    });
    expect(cfg.allowPrivateHosts).toEqual(['127.0.0.1:8080', 'files.example.gov.cn']);
    expect(cfg.allowedHosts).toContain('files.example.gov.cn');
    expect(
      parseSiteConfig({ startUrls: ['http://a.cn/'], allowPrivateHosts: ['127.0.0.1'] }).allowPrivateHosts,
    ).toEqual(['127.0.0.1']);
  });
});
