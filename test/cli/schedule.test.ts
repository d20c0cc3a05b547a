import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { CRAWL_QUEUE } from '../../workers/crawl-queues.js';
import { connectionFromUrl } from '../../workers/queues.js';
import { budgetdoc } from '../helpers/cli.js';
import { REDIS_URL, serviceUp, uniqueName } from '../helpers/services.js';

const up = await serviceUp('redis');

/**
 * Issue 14: every ad-hoc schedule was named `adhoc` (so each replaced the last) and the name `--list` printed
 * could not be removed. Through the binary, on real Redis, under a prefix of its own.
 */
describe.skipIf(!up)('budgetdoc schedule names each site and removes it by that name', () => {
  const prefix = uniqueName('bdsched');
  const at = ['--redis-url', REDIS_URL, '--queue-prefix', prefix];
  const where = `${REDIS_URL.replace(/\/$/, '')} (prefix ${prefix})`;
  afterAll(async () => {
    const queue = new Queue(CRAWL_QUEUE, { connection: connectionFromUrl(REDIS_URL), prefix });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  });
  const list = async () => {
    const r = await budgetdoc(['schedule', '--list', '--json', ...at]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { redisUrl: string; schedules: Array<{ name: string; id: string }> };
  };

  it('two sites are two schedules, each named from its start URL, shown with their Redis', async () => {
    const a = await budgetdoc(['schedule', '--start-url', 'http://czj.example.gov.cn/yjsgk/', ...at]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain(`scheduled czj.example.gov.cn-yjsgk on ${where}: 0 2 * * * (Asia/Shanghai)`);
    expect(a.stdout).toContain('budgetdoc schedule --remove czj.example.gov.cn-yjsgk');
    const b = await budgetdoc(['schedule', '--start-url', 'http://czj.example.gov.cn:8080/xxgk/index.html', ...at]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('scheduled czj.example.gov.cn-8080-xxgk on');
    const named = await budgetdoc([
      'schedule',
      '--start-url',
      'http://czj.example.gov.cn/',
      '--name',
      'hongjiang',
      ...at,
    ]);
    expect(named.stdout).toContain('scheduled hongjiang on');
    const all = await list();
    expect(all.redisUrl).toBe(REDIS_URL.replace(/\/$/, ''));
    expect(all.schedules.map((s) => s.name).sort()).toEqual([
      'czj.example.gov.cn-8080-xxgk',
      'czj.example.gov.cn-yjsgk',
      'hongjiang',
    ]);
    const text = await budgetdoc(['schedule', '--list', ...at]);
    expect(text.stdout).toMatch(new RegExp(`^schedules on ${where.replace(/[.()]/g, '\\$&')}:\\n`));
    expect(text.stdout).toMatch(/^ {2}czj\.example\.gov\.cn-yjsgk {2}0 2 \* \* \* Asia\/Shanghai {2}next 20\d\d-/m);
  });

  it('removes a schedule by the name --list prints (and by its id), leaving the others', async () => {
    const r = await budgetdoc(['schedule', '--remove', 'czj.example.gov.cn-yjsgk', ...at]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`removed czj.example.gov.cn-yjsgk from ${where}\n`);
    const byId = (await list()).schedules.find((s) => s.name === 'hongjiang')!.id;
    expect((await budgetdoc(['schedule', '--remove', byId, ...at])).stdout).toContain('removed hongjiang');
    expect((await list()).schedules.map((s) => s.name)).toEqual(['czj.example.gov.cn-8080-xxgk']);
    const again = await budgetdoc(['schedule', '--remove', 'czj.example.gov.cn-yjsgk', ...at]);
    expect(again.stdout).toContain('no schedule czj.example.gov.cn-yjsgk');
  });
});
