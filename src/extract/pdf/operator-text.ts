import type { OperatorList } from './load.js';
import { multiply, type Matrix } from './matrix.js';
import { RunScope, type ScopeEnv } from './text-run-scope.js';
import {
  cloneState,
  FONT_IDENTITY,
  type Glyph,
  newState,
  printedMatrix,
  type RunFont,
  type TextRun,
  type TextState,
  translate,
} from './text-state.js';

export type { RunFont, TextRun } from './text-state.js';

/**
 * The text layer of a page read from its operator list, as pdf.js's `getTextContent` would give it (issue 12).
 *
 * pdf.js parses a page's content streams once for `getTextContent` and again for `getOperatorList`; the rulings need
 * the second, and each pass cost about as much as the other (docs/performance.md). The operator list already carries every glyph
 * with its Unicode and width (showText), the text state operators and the transformations, so this walks it with
 * the text state machine of pdf.js 5's `PartialEvaluator.getTextContent` (pdf.worker.mjs: `buildTextContentItem`,
 * `compareWithLastPosition`, `addFakeSpaces`, `flushTextContentItem`), ported rule for rule, constants included, so
 * runs break and spaces fall where pdf.js puts them. test/unit/extract/pdf/operator-text.test.ts holds it to
 * getTextContent over every page of the corpus and sample PDFs and over drawn and hand-written pages.
 *
 * Left out, as nothing here needs them: whitespace-only and end-of-line items (readers drop them), right-to-left
 * reordering (pdf.js's bidi leaves text without Hebrew or Arabic as it is), marked-content items, and the Type3
 * `isCharBBox` height correction (pdf.js does not send that flag with a font).
 */

/** The operator codes used here, from pdf.js's OPS. */
export interface TextOps {
  save: number;
  restore: number;
  transform: number;
  beginText: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setLeading: number;
  setFont: number;
  setTextRise: number;
  moveText: number;
  setLeadingMoveText: number;
  setTextMatrix: number;
  nextLine: number;
  showText: number;
  setGState: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
  paintImageMaskXObjectRepeat: number;
  paintImageMaskXObjectGroup: number;
  beginMarkedContent: number;
  beginMarkedContentProps: number;
  endMarkedContent: number;
  beginAnnotation: number;
}

export interface OperatorTextInput {
  list: OperatorList;
  ops: TextOps;
  font(loadedName: string): RunFont | undefined;
  /** The page's view box [x0, y0, x1, y1] in user space: glyphs outside it are not text (pdf.js `viewBox`). */
  view: number[];
  normalize(text: string): string;
}

/** Text runs of a page's operator list, in the order pdf.js's getTextContent gives them. */
export function textFromOperators(input: OperatorTextInput): TextRun[] {
  return new TextWalker(input).run();
}

/** The text state operators, applied as getTextContent applies them; the runs themselves are RunScope's. */
class TextWalker {
  private state = newState();
  private stack: TextState[] = [];
  private readonly env: ScopeEnv;
  private scope: RunScope;
  /** What a form XObject's operators interrupt: getTextContent reads a form as a content stream of its own. */
  private readonly frames: Array<{ scope: RunScope; state: TextState; stack: TextState[] }> = [];

  constructor(private readonly input: OperatorTextInput) {
    this.env = { state: () => this.state, view: input.view, normalize: input.normalize, runs: [] };
    this.scope = new RunScope(this.env);
  }

  run(): TextRun[] {
    const { list, ops } = this.input;
    const { fnArray, argsArray } = list;
    for (let i = 0; i < fnArray.length; i++) {
      const fn = fnArray[i];
      const args = argsArray[i] as unknown[];
      // Annotations' appearances follow the page's content; getTextContent reads the content only.
      if (fn === ops.beginAnnotation) break;
      this.op(fn!, args);
    }
    this.scope.flush();
    return this.env.runs;
  }

  private op(fn: number, args: unknown[]): void {
    const { ops } = this.input;
    const s = this.state;
    this.scope.begin();
    switch (fn) {
      case ops.save:
        this.stack.push(s);
        this.state = cloneState(s);
        break;
      case ops.restore:
        this.state = this.stack.pop() ?? s;
        break;
      case ops.transform:
        s.ctm = multiply(s.ctm, args as Matrix);
        break;
      case ops.setFont:
        this.setFont(args[0] as string, args[1] as number);
        break;
      case ops.setGState:
        for (const [key, value] of (args[0] as Array<[string, unknown]>) ?? []) {
          if (key !== 'Font') continue;
          const [loadedName, size] = value as [string, number];
          this.scope.flush();
          this.setFont(loadedName, size);
        }
        break;
      case ops.setTextRise:
        s.textRise = args[0] as number;
        break;
      case ops.setHScale:
        s.textHScale = (args[0] as number) / 100;
        break;
      case ops.setLeading:
        s.leading = args[0] as number;
        break;
      case ops.moveText:
        translate(s.textLineMatrix, args[0] as number, args[1] as number);
        s.textMatrix = [...s.textLineMatrix] as Matrix;
        break;
      case ops.setLeadingMoveText:
        s.leading = -(args[1] as number);
        translate(s.textLineMatrix, args[0] as number, args[1] as number);
        s.textMatrix = [...s.textLineMatrix] as Matrix;
        break;
      case ops.nextLine:
        translate(s.textLineMatrix, 0, -s.leading);
        s.textMatrix = [...s.textLineMatrix] as Matrix;
        break;
      case ops.setTextMatrix: {
        const m = printedMatrix(args[0] as ArrayLike<number>);
        s.textMatrix = m;
        s.textLineMatrix = [...m] as Matrix;
        this.scope.updateAdvanceScale();
        break;
      }
      case ops.setCharSpacing:
        s.charSpacing = args[0] as number;
        break;
      case ops.setWordSpacing:
        s.wordSpacing = args[0] as number;
        break;
      case ops.beginText:
        s.textMatrix = [1, 0, 0, 1, 0, 0];
        s.textLineMatrix = [1, 0, 0, 1, 0, 0];
        break;
      case ops.showText:
        if (s.font) this.showText(args[0] as Array<Glyph | number>);
        break;
      case ops.paintFormXObjectBegin: {
        // getTextContent reads a form as a content stream of its own, from a copy of the state.
        this.scope.flush();
        this.frames.push({ scope: this.scope, state: s, stack: this.stack });
        this.scope = new RunScope(this.env);
        this.stack = [];
        this.state = cloneState(s);
        const m = args[0] as ArrayLike<number> | null;
        if (m) this.state.ctm = multiply(this.state.ctm, printedMatrix(m));
        break;
      }
      case ops.paintFormXObjectEnd: {
        this.scope.flush();
        const outer = this.frames.pop();
        if (outer) ({ scope: this.scope, state: this.state, stack: this.stack } = outer);
        break;
      }
      case ops.paintImageXObject:
      case ops.paintImageMaskXObject:
      case ops.paintImageXObjectRepeat:
      case ops.paintImageMaskXObjectRepeat:
      case ops.paintImageMaskXObjectGroup:
      case ops.beginMarkedContent:
      case ops.beginMarkedContentProps:
      case ops.endMarkedContent:
        this.scope.flush();
        break;
    }
  }

  private setFont(loadedName: string, size: number): void {
    const s = this.state;
    s.fontSize = size;
    s.loadedName = loadedName;
    s.font = this.input.font(loadedName) ?? {};
    s.fontMatrix = s.font.fontMatrix ?? FONT_IDENTITY;
  }

  /** A TJ's glyphs and numbers: pdf.js joins the strings between non-zero numbers (showSpacedText). */
  private showText(glyphs: Array<Glyph | number>): void {
    const s = this.state;
    const spaceFactor = ((s.font?.vertical ? 1 : -1) * s.fontSize) / 1000;
    let chunk: Glyph[] = [];
    for (const g of glyphs) {
      if (typeof g === 'number') {
        if (g === 0) continue;
        this.scope.build(chunk, g * spaceFactor);
        chunk = [];
      } else if (g) chunk.push(g);
    }
    if (chunk.length > 0) this.scope.build(chunk, 0);
  }
}
