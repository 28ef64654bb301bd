import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from './data-table';

type Row = { id: number; name: string; fen: number };
const columns: Column<Row>[] = [
  { header: '名称', cell: (r) => r.name, foot: '合计' },
  { header: '金额', numeric: true, cell: (r) => String(r.fen), foot: '30' },
];
const rows: Row[] = [
  { id: 1, name: '绿茶', fen: 10 },
  { id: 2, name: '米线', fen: 20 },
];

describe('DataTable', () => {
  it('has a caption, column headers with scope, right-aligned figures and the footer row', () => {
    const html = renderToStaticMarkup(<DataTable caption="销售" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(html).toMatch(/<caption id="[^"]+" class="sr-only">销售<\/caption>/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    expect(html.match(/<tbody>.*<\/tbody>/)![0].match(/<tr /g)).toHaveLength(2);
    expect(html).toContain('<td class="px-3 py-2 text-right tabular">20</td>');
    expect(html).toMatch(/<tfoot>.*合计.*30.*<\/tfoot>/);
  });

  it('scrolls in a focusable region named by its caption only when it may be wider than a phone', () => {
    const wide = renderToStaticMarkup(
      <DataTable caption="销售" columns={columns} rows={rows} rowKey={(r) => r.id} minWidth="min-w-[640px]" />,
    );
    const id = /<caption id="([^"]+)"/.exec(wide)![1];
    expect(wide).toContain(`role="region" tabindex="0" aria-labelledby="${id}"`);
    const narrow = renderToStaticMarkup(
      <DataTable caption="销售" columns={columns} rows={rows} rowKey={(r) => r.id} />,
    );
    expect(narrow).not.toContain('role="region"');
    expect(narrow).not.toContain('tabindex');
  });

  it('shows the empty text instead of an empty table', () => {
    const html = renderToStaticMarkup(
      <DataTable caption="销售" columns={columns} rows={[]} rowKey={(r) => r.id} empty="暂无销售。" />,
    );
    expect(html).not.toContain('<table');
    expect(html).toContain('暂无销售。');
  });
});
