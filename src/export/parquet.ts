import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { YUAN_PRECISION, YUAN_SCALE, unscaled } from './decimal.js';
import type { DatasetRow } from './dataset-rows.js';

/**
 * Parquet through hyparquet-writer (issue 15), with typed columns: text as UTF-8 strings (codes keep their leading
 * zeros), counts as INT32, amounts in 元 as DECIMAL(28, 6) written from their exact decimal text (never through a
 * float). Rows are buffered one row group at a time and each group is written out before the next is read, so memory
 * holds one group whatever the export's size.
 */
export type ParquetColumnType = 'string' | 'int32' | 'decimal';

/** Rows per row group: ~50,000 long rows are a few tens of MB of JS strings at most. */
const ROW_GROUP = 50_000;
/** Bytes of a FIXED_LEN_BYTE_ARRAY that hold DECIMAL(28, *). */
const DECIMAL_BYTES = 12;

function element(name: string, type: ParquetColumnType): SchemaElement {
  if (type === 'int32') return { name, type: 'INT32', repetition_type: 'OPTIONAL' };
  if (type === 'decimal')
    return {
      name,
      type: 'FIXED_LEN_BYTE_ARRAY',
      type_length: DECIMAL_BYTES,
      repetition_type: 'OPTIONAL',
      converted_type: 'DECIMAL',
      scale: YUAN_SCALE,
      precision: YUAN_PRECISION,
      logical_type: { type: 'DECIMAL', scale: YUAN_SCALE, precision: YUAN_PRECISION },
    };
  return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
}

/** hyparquet-writer's byte buffer, emptied into the output stream after every row group, honouring backpressure. */
class StreamWriter extends ByteWriter {
  constructor(private readonly out: Writable) {
    super(1 << 20);
  }

  flush(): Promise<void> | undefined {
    if (this.index === 0) return undefined;
    const chunk = new Uint8Array(this.buffer.slice(0, this.index));
    this.index = 0;
    return this.out.write(chunk) ? undefined : once(this.out, 'drain').then(() => undefined);
  }

  override finish(): Promise<void> | undefined {
    return this.flush();
  }
}

export class ParquetSink {
  private readonly writer: ParquetWriter;
  private buffer: DatasetRow[] = [];

  constructor(
    out: Writable,
    private readonly columns: ReadonlyArray<{ name: string; type: ParquetColumnType }>,
  ) {
    const schema: SchemaElement[] = [
      { name: 'root', num_children: columns.length },
      ...columns.map((c) => element(c.name, c.type)),
    ];
    this.writer = new ParquetWriter({ writer: new StreamWriter(out), schema, createdBy: 'budgetdoc' });
  }

  async write(rows: DatasetRow[]): Promise<void> {
    for (const row of rows) {
      this.buffer.push(row);
      if (this.buffer.length >= ROW_GROUP) await this.group();
    }
  }

  async end(): Promise<void> {
    if (this.buffer.length > 0) await this.group();
    await this.writer.finish();
  }

  private async group(): Promise<void> {
    const rows = this.buffer;
    this.buffer = [];
    const columnData = this.columns.map(({ name, type }) => ({
      name,
      data: rows.map((r) => cell(r[name], type, name)),
    }));
    await this.writer.write({ columnData, rowGroupSize: rows.length });
  }
}

function cell(v: string | number | null | undefined, type: ParquetColumnType, name: string) {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'int32') return Number(v);
  if (type === 'decimal') {
    const n = unscaled(String(v));
    if (n === undefined) throw new Error(`${name} ${v} has more than ${YUAN_SCALE} decimal places`);
    return n;
  }
  return String(v);
}
