"""PDF documents rendered with reportlab and an embedded CJK TrueType font."""

from lorch_desk.documents.pdf.table_report import render_table_pdf

__all__ = ["render_table_pdf"]
