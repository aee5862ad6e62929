"""Excel exports written with openpyxl in write-only (streaming) mode."""

from lorch_desk.documents.xlsx.table_export import export_table_xlsx

__all__ = ["export_table_xlsx"]
