import type { Matrix } from './matrix.js';
import { advanceScale, type Glyph, type TextRun, type TextState, textTransform, translate } from './text-state.js';

// pdf.js getTextContent's factors of the font size.
const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
interface Category {
  whitespace: boolean;
  diacritic: boolean;
  formatMark: boolean;
}
const categories = new Map<string, Category>();

/** pdf.js's getCharUnicodeCategory, cached by character as pdf.js caches it: it is asked once a glyph. */
function categoryOf(char: string): Category {
  let c = categories.get(char);
  if (!c) {
    const m = char.match(SPECIAL_CHAR);
    c = { whitespace: !!m?.[1], diacritic: !!m?.[2], formatMark: !!m?.[3] };
    categories.set(char, c);
  }
  return c;
}

/** What a scope reads of the walker that owns it. */
export interface ScopeEnv {
  state(): TextState;
  /** The page's view box [x0, y0, x1, y1] in user space. */
  view: number[];
  normalize(text: string): string;
  runs: TextRun[];
}

const snapshot = (s: TextState) => ({
  loadedName: s.loadedName,
  fontSize: s.fontSize,
  fontFamily: s.font?.name,
  vertical: s.font?.vertical,
});

/**
 * The run being built and what pdf.js keeps beside it, per content stream (a form XObject has its own): pdf.js 5's
 * getTextContent (pdf.worker.mjs) from `buildTextContentItem` to `flushTextContentItem`, rule for rule.
 */
export class RunScope {
  private initialized: boolean = false;
  private str: string[] = [];
  private totalWidth: number = 0;
  private totalHeight: number = 0;
  private width: number = 0;
  private height: number = 0;
  private vertical: boolean = false;
  private prevTransform: Matrix | null = null;
  private prevTextRise: number = 0;
  private textAdvanceScale: number = 0;
  private spaceInFlowMin: number = 0;
  private spaceInFlowMax: number = 0;
  private trackingSpaceMin: number = Number.POSITIVE_INFINITY;
  private negativeSpaceMax: number = Number.NEGATIVE_INFINITY;
  private notASpace: number = Number.NEGATIVE_INFINITY;
  private transform: Matrix | null = null;
  private fontName: string | null = null;
  private lastChars: [string, string] = [' ', ' '];
  private lastCharsPos: number = 0;
  /** Font name, font size, font family and direction of the last run (pdf.js `currentTextState`). */
  private current: ReturnType<typeof snapshot> | null = null;

  constructor(private readonly env: ScopeEnv) {}

  /** pdf.js takes its `currentTextState` at a content stream's first operator. */
  begin(): void {
    this.current ??= snapshot(this.env.state());
  }

  /** The glyphs of a string between two of a TJ's numbers; `extraSpacing` is the number after them (pdf.js buildTextContentItem). */
  build(glyphs: Glyph[], extraSpacing: number): void {
    const s = this.env.state();
    const font = s.font!;
    const cur = this.current!;
    if (
      cur.fontSize !== s.fontSize ||
      (cur.loadedName !== s.loadedName && (cur.fontFamily !== font.name || cur.vertical !== font.vertical))
    ) {
      this.flush();
      this.current = snapshot(s);
    }
    const vertical = !!font.vertical;
    const baseCharSpacing = vertical ? -s.charSpacing : s.charSpacing;
    if (glyphs.length === 0) {
      const charSpacing = baseCharSpacing + extraSpacing;
      if (charSpacing) {
        if (!vertical) translate(s.textMatrix, charSpacing * s.textHScale, 0);
        else translate(s.textMatrix, 0, -charSpacing);
      }
      return;
    }
    const scale = s.fontMatrix[0]! * s.fontSize;
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i]!;
      const category = categoryOf(glyph.unicode);
      if (category.formatMark) continue;
      const diacritic = category.diacritic;
      let charSpacing = baseCharSpacing + (i + 1 === glyphs.length ? extraSpacing : 0);
      let glyphWidth = glyph.width;
      if (vertical) glyphWidth = glyph.vmetric ? glyph.vmetric[0]! : -glyphWidth;
      let scaledDim = glyphWidth * scale;
      if (glyph.originalCharCode === 0x20) charSpacing += s.wordSpacing;
      if (category.whitespace) {
        if (!vertical) {
          charSpacing += scaledDim;
          translate(s.textMatrix, charSpacing * s.textHScale, 0);
        } else {
          charSpacing += -scaledDim;
          translate(s.textMatrix, 0, -charSpacing);
        }
        this.saveLastChar(' ');
        continue;
      }
      if (!diacritic && !this.compareWithLastPosition(scaledDim)) {
        if (!vertical) translate(s.textMatrix, scaledDim * s.textHScale, 0);
        else translate(s.textMatrix, 0, scaledDim);
        continue;
      }
      this.ensureItem();
      if (diacritic) scaledDim = 0;
      if (!vertical) {
        scaledDim *= s.textHScale;
        translate(s.textMatrix, scaledDim, 0);
        this.width += scaledDim;
      } else {
        translate(s.textMatrix, 0, scaledDim);
        scaledDim = Math.abs(scaledDim);
        this.height += scaledDim;
      }
      if (scaledDim) {
        this.prevTransform = textTransform(s);
        this.prevTextRise = s.textRise;
      }
      if (this.saveLastChar(glyph.unicode)) this.str.push(' ');
      this.str.push(glyph.unicode);
      if (charSpacing) {
        if (!vertical) translate(s.textMatrix, charSpacing * s.textHScale, 0);
        else translate(s.textMatrix, 0, -charSpacing);
      }
    }
  }

  private saveLastChar(char: string): boolean {
    const next = (this.lastCharsPos + 1) % 2;
    const ret = this.lastChars[this.lastCharsPos] !== ' ' && this.lastChars[next] === ' ';
    this.lastChars[this.lastCharsPos] = char;
    this.lastCharsPos = next;
    return ret;
  }

  private shouldAddWhitespace(): boolean {
    return this.lastChars[this.lastCharsPos] !== ' ' && this.lastChars[(this.lastCharsPos + 1) % 2] === ' ';
  }

  private resetLastChars(): void {
    this.lastChars = [' ', ' '];
    this.lastCharsPos = 0;
  }

  private ensureItem(): void {
    if (this.initialized) return;
    const s = this.env.state();
    this.fontName = s.loadedName;
    const trm = textTransform(s);
    this.transform = trm;
    if (!s.font!.vertical) {
      this.width = this.totalWidth = 0;
      this.height = this.totalHeight = Math.hypot(trm[2], trm[3]);
      this.vertical = false;
    } else {
      this.width = this.totalWidth = Math.hypot(trm[0], trm[1]);
      this.height = this.totalHeight = 0;
      this.vertical = true;
    }
    this.textAdvanceScale = advanceScale(s);
    this.trackingSpaceMin = s.fontSize * TRACKING_SPACE_FACTOR;
    this.notASpace = s.fontSize * NOT_A_SPACE_FACTOR;
    this.negativeSpaceMax = s.fontSize * NEGATIVE_SPACE_FACTOR;
    this.spaceInFlowMin = s.fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    this.spaceInFlowMax = s.fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    this.initialized = true;
  }

  updateAdvanceScale(): void {
    if (!this.initialized) return;
    const scale = advanceScale(this.env.state());
    if (scale === this.textAdvanceScale) return;
    if (!this.vertical) {
      this.totalWidth += this.width * this.textAdvanceScale;
      this.width = 0;
    } else {
      this.totalHeight += this.height * this.textAdvanceScale;
      this.height = 0;
    }
    this.textAdvanceScale = scale;
  }

  /** pdf.js's compareWithLastPosition: false for a glyph outside the view box, else where the glyph goes. */
  private compareWithLastPosition(glyphWidth: number): boolean {
    const s = this.env.state();
    const view = this.env.view;
    const current = textTransform(s);
    let posX = current[4];
    let posY = current[5];
    if (s.font?.vertical) {
      if (posX < view[0]! || posX > view[2]! || posY + glyphWidth < view[1]! || posY > view[3]!) return false;
    } else if (posX + glyphWidth < view[0]! || posX > view[2]! || posY < view[1]! || posY > view[3]!) return false;
    if (!s.font || !this.prevTransform) return true;
    let lastX = this.prevTransform[4];
    let lastY = this.prevTransform[5];
    if (lastX === posX && lastY === posY) return true;
    [posX, posY, lastX, lastY] = unrotate(current, this.prevTransform, posX, posY, lastX, lastY);
    if (s.font.vertical) {
      const across = posX - lastX;
      return this.place((lastY - posY) / this.textAdvanceScale, across, across, true);
    }
    const across = posY - lastY;
    const riseDelta = s.textRise - this.prevTextRise;
    const acrossCorrected = riseDelta === 0 ? across : across - (current[3] / s.fontSize) * riseDelta;
    return this.place((posX - lastX) / this.textAdvanceScale, across, acrossCorrected, false);
  }

  /**
   * The rest of compareWithLastPosition, for horizontal and vertical runs alike: `along` is the advance in the
   * run's direction (text space), `across` the shift across it (pdf.js corrects the latter for a text rise before
   * it tells a new line).
   */
  private place(along: number, across: number, acrossCorrected: number, vertical: boolean): boolean {
    const lineSize = () => (vertical ? this.width : this.height);
    const grow = (d: number) => {
      if (vertical) this.height += d;
      else this.width += d;
    };
    const orientation = Math.sign(vertical ? this.height || this.totalHeight : this.width || this.totalWidth);
    if (along < orientation * this.negativeSpaceMax) {
      if (Math.abs(across) > 0.5 * lineSize()) {
        this.appendEOL();
        return true;
      }
      this.resetLastChars();
      this.flush();
      return true;
    }
    if (Math.abs(acrossCorrected) > lineSize()) {
      this.appendEOL();
      return true;
    }
    if (along <= orientation * this.notASpace) this.resetLastChars();
    if (along <= orientation * this.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
      } else grow(along);
    } else if (!this.addFakeSpaces(along, orientation)) {
      if (this.str.length === 0) this.resetLastChars();
      else grow(along);
    }
    if (Math.abs(across) > lineSize() * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }

  private appendEOL(): void {
    this.resetLastChars();
    this.flush();
  }

  /** A gap within a space's width is a space in the run; a wider one ends the run (pdf.js addFakeSpaces). */
  private addFakeSpaces(width: number, orientation: number): boolean {
    if (orientation * this.spaceInFlowMin <= width && width <= orientation * this.spaceInFlowMax) {
      if (this.initialized) {
        this.resetLastChars();
        this.str.push(' ');
      }
      return false;
    }
    this.flush();
    this.resetLastChars();
    return true;
  }

  flush(): void {
    if (!this.initialized) return;
    if (!this.vertical) this.totalWidth += this.width * this.textAdvanceScale;
    else this.totalHeight += this.height * this.textAdvanceScale;
    this.env.runs.push({
      str: this.env.normalize(this.str.join('')),
      transform: this.transform!,
      width: Math.abs(this.totalWidth),
      height: Math.abs(this.totalHeight),
      fontName: this.fontName ?? '',
    });
    this.initialized = false;
    this.str.length = 0;
  }
}

/** Positions in the run's own direction: pdf.js compares advances along the baseline of the rotated text. */
function unrotate(
  current: Matrix,
  prev: Matrix,
  posX: number,
  posY: number,
  lastX: number,
  lastY: number,
): [number, number, number, number] {
  if (current[0] && current[1] === 0 && current[2] === 0) {
    return current[0] > 0 ? [posX, posY, lastX, lastY] : [-posX, -posY, -lastX, -lastY];
  }
  if (current[1] && current[0] === 0 && current[3] === 0) {
    return current[1] > 0 ? [posY, posX, lastY, lastX] : [-posY, -posX, -lastY, -lastX];
  }
  const inv = (x: number, y: number, m: Matrix): [number, number] => {
    const scale = Math.hypot(m[0], m[1]);
    return [(m[0] * x + m[1] * y) / scale, (m[2] * x + m[3] * y) / scale];
  };
  return [...inv(posX, posY, current), ...inv(lastX, lastY, prev)];
}
