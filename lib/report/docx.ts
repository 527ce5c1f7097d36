import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ReportSection } from "@/lib/api/reports";
import { formatCell } from "@/lib/spreadsheet";
import type { ReportDocument, ReportTable } from "./text";

/** A chart of a section as a picture, at the size it was drawn (CSS pixels). */
export type ReportImage = { data: ArrayBuffer | Uint8Array; width: number; height: number; alt: string };

/** 宋体 for the text and 黑体 for headings, the fonts a department's Word has; Latin text in the same run. */
const BODY_FONT = { ascii: "SimSun", eastAsia: "宋体", hAnsi: "SimSun" };
const HEADING_FONT = { ascii: "SimHei", eastAsia: "黑体", hAnsi: "SimHei" };
/** A4 with 2.5 cm margins leaves 16 cm of text width: the widest a picture may be. */
const TEXT_WIDTH_PX = Math.round((16 / 2.54) * 96);

function wordTable(table: ReportTable, locale: string): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "999999" };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, { header = false, right = false } = {}) =>
    new TableCell({
      borders,
      shading: header ? { type: ShadingType.CLEAR, fill: "EDEFF2", color: "auto" } : undefined,
      children: [
        new Paragraph({
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header, size: 20, font: BODY_FONT })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: table.columns.map((c, i) => cell(c.label, { header: true, right: i > 0 && c.kind !== "text" })),
      }),
      ...table.rows.map(
        (row) =>
          new TableRow({
            children: row.map((value, i) =>
              cell(formatCell(locale, value, table.columns[i].kind), { right: table.columns[i].kind !== "text" }),
            ),
          }),
      ),
    ],
  });
}

const text = (value: string, options: { bold?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text: value, font: BODY_FONT, size: options.size ?? 28, bold: options.bold, color: options.color });

/**
 * The report as a Word document (docx, a maintained library): title, 数据截至, the 演示数据 mark,
 * each section's text, tables as Word tables and charts as pictures, the 口径 notes, and a running
 * header (region · period) and page numbers. Runs in the browser (with the charts as drawn) and
 * in Node (tests, benchmark).
 */
export async function reportToDocx(
  doc: ReportDocument,
  { locale, images = {} }: { locale: string; images?: Partial<Record<ReportSection, ReportImage[]>> },
): Promise<ArrayBuffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: doc.title, font: HEADING_FONT, size: 40, bold: true })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text(doc.asOf, { size: 22, color: "555555" })] }),
  ];
  if (doc.demo) {
    body.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [text(doc.demo, { size: 22, bold: true, color: "9A3412" })],
      }),
    );
  }
  for (const block of doc.blocks) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 320, after: 160 },
        children: [new TextRun({ text: block.heading, font: HEADING_FONT, size: 32, bold: true, color: "000000" })],
      }),
      ...block.paragraphs.map(
        (p) => new Paragraph({ indent: { firstLine: 560 }, spacing: { line: 420 }, children: [text(p)] }),
      ),
    );
    for (const image of images[block.section] ?? []) {
      const scale = Math.min(1, TEXT_WIDTH_PX / image.width);
      body.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 160, after: 160 },
          children: [
            new ImageRun({
              type: "png",
              data: image.data,
              transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
              altText: { name: image.alt, description: image.alt, title: image.alt },
            }),
          ],
        }),
      );
    }
    for (const table of block.tables) {
      body.push(
        new Paragraph({
          spacing: { before: 200, after: 80 },
          keepNext: true,
          children: [text(table.title, { bold: true, size: 22 })],
        }),
        wordTable(table, locale),
      );
    }
  }
  body.push(
    new Paragraph({
      spacing: { before: 360, after: 80 },
      children: [text(doc.notesHeading, { bold: true, size: 22 })],
    }),
    ...doc.notes.map((note) => new Paragraph({ children: [text(note, { size: 20, color: "555555" })] })),
  );

  const running = `${doc.region} · ${doc.period}`;
  const document = new Document({
    creator: doc.region,
    title: doc.title,
    styles: { default: { document: { run: { font: BODY_FONT } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  text(doc.demoMark ? `${running} · ${doc.demoMark}` : running, { size: 18, color: "555555" }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    font: BODY_FONT,
                    size: 18,
                    // "第 {current} 页 / 共 {total} 页": the fields go where the placeholders are.
                    children: doc.pageLabel
                      .split(/(\{current\}|\{total\})/)
                      .filter(Boolean)
                      .map((part) =>
                        part === "{current}" ? PageNumber.CURRENT : part === "{total}" ? PageNumber.TOTAL_PAGES : part,
                      ),
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toArrayBuffer(document);
}
