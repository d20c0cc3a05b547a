import { describe, expect, it } from 'vitest';
import { discoverPage } from '../../../src/crawl/links.js';

const PAGE = 'http://czj.example.gov.cn/yjsgk/index.html';

describe('discoverPage', () => {
  it('resolves relative links and keeps the link text and the date printed beside it', () => {
    const facts = discoverPage(
      `<ul><li><a href="./202307/t1.html">　2023年 部门预算 </a><span>2023-07-18</span></li></ul>`,
      PAGE,
      10,
    );
    expect(facts.links).toEqual([
      {
        url: 'http://czj.example.gov.cn/yjsgk/202307/t1.html',
        text: '2023年 部门预算',
        via: 'href',
        date: '2023-07-18',
      },
    ]);
  });

  it('finds URLs in onclick / window.open / location.href and javascript: hrefs', () => {
    const facts = discoverPage(
      `<a href="javascript:void(0)" onclick="window.open('/a/1.pdf')">决算</a>
       <a href="javascript:location.href='/b/2.html'">预算</a>
       <span onclick="openFile(&quot;/c/3.xls&quot;)">自评表</span>`,
      PAGE,
      10,
    );
    expect(facts.links.map((l) => [new URL(l.url).pathname, l.text, l.via])).toEqual([
      ['/a/1.pdf', '决算', 'script'],
      ['/b/2.html', '预算', 'script'],
      ['/c/3.xls', '自评表', 'script'],
    ]);
  });

  it('expands createPageHTML pagination within the cap and marks index_N links as pagination', () => {
    const facts = discoverPage(
      `<script>createPageHTML(40, 0, "index", "html");</script><a href="index_2.html">3</a>`,
      PAGE,
      3,
    );
    const paging = facts.links.filter((l) => l.via === 'pagination').map((l) => new URL(l.url).pathname);
    expect(paging).toEqual(['/yjsgk/index_2.html', '/yjsgk/index.html', '/yjsgk/index_1.html', '/yjsgk/index_3.html']);
  });

  it('drops mailto:, file: and fragment-only links, and honours <base href>', () => {
    const facts = discoverPage(
      `<base href="http://czj.example.gov.cn/other/"><a href="mailto:a@b.cn">x</a><a href="file:///etc/passwd">y</a><a href="#top">z</a><a href="d.pdf">d</a>`,
      PAGE,
      0,
    );
    expect(facts.links.map((l) => l.url)).toEqual(['http://czj.example.gov.cn/other/d.pdf']);
  });

  it('reads the article title and 发布时间, and tells data tables from layout tables', () => {
    const article = discoverPage(
      `<html><head><title>2023年预算公开_某市财政局</title></head><body><h1>2023年某局部门预算</h1><p>发布时间：2023-07-18 14:33　信息来源：某市财政局</p>
       <table><tr><td>科目</td><td>合计</td><td>基本</td></tr><tr><td>201</td><td>1</td><td>1</td></tr><tr><td>202</td><td>2</td><td>2</td></tr></table></body></html>`,
      PAGE,
      0,
    );
    expect(article).toMatchObject({ title: '2023年某局部门预算', publishedAt: '2023-07-18 14:33', hasDataTable: true });
    const layout = discoverPage(
      `<table><tr><td><table><tr><td>nav</td></tr></table></td><td>a</td><td>b</td></tr></table>`,
      PAGE,
      0,
    );
    expect(layout.hasDataTable).toBe(false);
    expect(discoverPage('<title>首页 - 某市财政局</title>', PAGE, 0).title).toBe('首页');
    // a listing printing 发布时间 per item is not an article
    const listing = discoverPage(
      '<li><a href="a.html">甲</a> 发布时间：2023-01-02</li><li><a href="b.html">乙</a> 发布时间：2023-01-03</li>',
      PAGE,
      0,
    );
    expect(listing.publishedAt).toBeUndefined();
  });
});
