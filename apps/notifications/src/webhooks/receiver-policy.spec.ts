import { ReceiverPolicy, RefusedReceiver } from './receiver-policy';

const publicDns = async () => [{ address: '93.184.215.14', family: 4 as const }];
const rebound = async () => [{ address: '93.184.215.14', family: 4 as const }, { address: '10.0.0.7', family: 4 as const }];

describe('ReceiverPolicy', () => {
  const strict = new ReceiverPolicy(false, publicDns);

  it('accepts a public https URL and pins its address', async () => {
    const url = strict.parse('https://hooks.example.org/capmatch?x=1');
    await expect(strict.resolve(url)).resolves.toEqual({ address: '93.184.215.14', family: 4 });
  });

  it.each([
    ['http://hooks.example.org/', 'https://'],
    ['ftp://hooks.example.org/', 'https://'],
    ['not a url', 'absolute'],
    ['https://user:pw@hooks.example.org/', 'password'],
    ['https://hooks.example.org/#x', 'fragment'],
  ])('refuses %s by its syntax', (raw, message) => {
    expect(() => strict.parse(raw)).toThrow(RefusedReceiver);
    expect(() => strict.parse(raw)).toThrow(message);
  });

  it.each(['https://127.0.0.1/', 'https://[::1]/', 'https://169.254.169.254/latest', 'https://10.0.0.1/', 'https://[fd00:ec2::254]/'])(
    'refuses the address of %s',
    async (raw) => {
      await expect(strict.resolve(strict.parse(raw))).rejects.toThrow(RefusedReceiver);
    },
  );

  it('refuses a host when any of its addresses is private (DNS rebinding)', async () => {
    const policy = new ReceiverPolicy(false, rebound);
    await expect(policy.resolve(policy.parse('https://hooks.example.org/'))).rejects.toThrow('10.0.0.7');
  });

  it('refuses a host that does not resolve', async () => {
    const policy = new ReceiverPolicy(false, async () => {
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    });
    await expect(policy.resolve(policy.parse('https://nowhere.example/'))).rejects.toThrow('ENOTFOUND');
  });

  it('allows http and loopback when private receivers are allowed', async () => {
    const open = new ReceiverPolicy(true, publicDns);
    await expect(open.resolve(open.parse('http://127.0.0.1:8080/hook'))).resolves.toEqual({ address: '127.0.0.1', family: 4 });
  });
});
